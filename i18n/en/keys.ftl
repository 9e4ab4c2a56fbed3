### Key files, the register's signing key and the ward's package (SPEC §14, §19).

## A key file (passphrase or linking key): not a file, unreadable, open to others, not text, empty.
key-file-not-file = key file '{ $path }' is not a file
key-file-unreadable = cannot read key file '{ $path }': { $error }
key-file-open = key file '{ $path }' can be read by other users (mode { $mode }); make it private with `chmod 600 { $path }`
key-file-not-text = key file '{ $path }' does not hold UTF-8 text
key-file-empty = key file '{ $path }' is empty: its first line is the passphrase
## The linking key file's first line is not a linking key.
link-key-invalid = linking key file '{ $path }' does not hold a linking key: its first line must be { $min } to { $max } hex digits (an even number), the key the city gave; it has { $chars } characters
## The register's signing key.
signing-key-missing = the register has no signing key (it was made or changed outside mh51): run mh51 check
signing-key-mismatch = the register's signing key does not match its public key (changed outside mh51): run mh51 check
signing-key-invalid-public = invalid public key '{ $key }': expected the 64 hex digits `mh51 key show` prints
check-no-signing-key = signing_key: the register has no signing key, which signs its report packages (SPEC §19)
check-signing-key-mismatch = signing_key: the secret key is not the one of the stored public key
## key show, on stderr.
key-fingerprint = fingerprint { $fingerprint } (read it to the city to confirm the key)
## report package.
package-no-unit-code = the register has no unit code, which the city files the package under: set it once with `mh51 settings unit_code CODE` (the code the city gave the ward)
package-made = package of { $from } to { $to } signed with key { $fingerprint }: { $tokens } linking tokens, audit head { $head }
package-invalid = the package is not valid: { $why }
