### Opening a register: what is said when there is none.

## $path: the file as typed (or the default); $folder: the folder looked in.
db-missing = database '{ $path }' does not exist (looked in { $folder }); name another with --db PATH or the MH51_DB variable, or create one with `mh51 init --db { $path }` (or try `mh51 demo`)
