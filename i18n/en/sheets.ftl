### The month's contact sheets (sheet) and exports: titles, columns and notes.
