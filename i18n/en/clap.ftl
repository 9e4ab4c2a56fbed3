# clap's own fixed words in help and usage errors, replaced in this order in the rendered
# text (cli_vi::clap_words). Each value is a quoted literal, so its leading and trailing
# spaces are kept.

clap-usage = {"Usage:"}
clap-commands = {"Commands:"}
clap-options = {"Options:"}
clap-arguments = {"Arguments:"}
clap-possible-values = {"Possible values:"}
clap-possible-values-2 = {"[possible values: "}
clap-default = {"[default:"}
clap-env = {"[env:"}
clap-subcommands = {"[subcommands: "}
clap-options-2 = {"[OPTIONS]"}
clap-command = {"<COMMAND>"}
clap-command-2 = {"[COMMAND]"}
clap-for-more-information-try = {"For more information, try "}
clap-tip = {"tip:"}
clap-a-similar-subcommand-exists = {" a similar subcommand exists: "}
clap-a-similar-argument-exists = {" a similar argument exists: "}
clap-a-similar-value-exists = {" a similar value exists: "}
clap-some-similar-subcommands-exist = {" some similar subcommands exist: "}
clap-some-similar-arguments-exist = {" some similar arguments exist: "}
clap-some-similar-values-exist = {" some similar values exist: "}
clap-to-pass = {"to pass "}
clap-as-a-value-use = {" as a value, use "}
clap-unexpected-argument = {"unexpected argument "}
clap-unexpected-value = {"unexpected value "}
clap-no-more-were-expected = {"; no more were expected"}
clap-invalid-value = {"invalid value "}
clap-a-value-is-required-for = {"a value is required for "}
clap-but-none-was-supplied = {" but none was supplied"}
clap-unrecognized-subcommand = {"unrecognized subcommand "}
clap-the-following-required-arguments-were = {"the following required arguments were not provided:"}
clap-requires-a-subcommand-but-one = {" requires a subcommand but one was not provided"}
clap-the-argument = {"the argument "}
clap-cannot-be-used-multiple-times = {" cannot be used multiple times"}
clap-cannot-be-used-with = {" cannot be used with"}
clap-invalid-utf-8-was-detected = {"invalid UTF-8 was detected in one or more arguments"}
clap-found = {"' found"}
clap-for = {" for '"}
