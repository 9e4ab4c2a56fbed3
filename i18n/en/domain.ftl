### The register's rules (domain): words, refusals and messages of enrolment, assignment, contacts and support.
