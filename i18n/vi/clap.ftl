# clap's own fixed words in help and usage errors, replaced in this order in the rendered
# text (cli_vi::clap_words). Each value is a quoted literal, so its leading and trailing
# spaces are kept.

clap-usage = {"Cách dùng:"}
clap-commands = {"Lệnh:"}
clap-options = {"Tùy chọn:"}
clap-arguments = {"Tham số:"}
clap-possible-values = {"Giá trị có thể:"}
clap-possible-values-2 = {"[giá trị có thể: "}
clap-default = {"[mặc định:"}
clap-env = {"[biến môi trường:"}
clap-subcommands = {"[lệnh con: "}
clap-options-2 = {"[TÙY CHỌN]"}
clap-command = {"<LỆNH>"}
clap-command-2 = {"[LỆNH]"}
clap-for-more-information-try = {"Xem thêm: "}
clap-tip = {"gợi ý:"}
clap-a-similar-subcommand-exists = {" có lệnh gần giống: "}
clap-a-similar-argument-exists = {" có tùy chọn gần giống: "}
clap-a-similar-value-exists = {" có giá trị gần giống: "}
clap-some-similar-subcommands-exist = {" có các lệnh gần giống: "}
clap-some-similar-arguments-exist = {" có các tùy chọn gần giống: "}
clap-some-similar-values-exist = {" có các giá trị gần giống: "}
clap-to-pass = {"để truyền "}
clap-as-a-value-use = {" làm giá trị, dùng "}
clap-unexpected-argument = {"đối số không mong đợi "}
clap-unexpected-value = {"giá trị không mong đợi "}
clap-no-more-were-expected = {"; không cần thêm giá trị"}
clap-invalid-value = {"giá trị không hợp lệ "}
clap-a-value-is-required-for = {"cần một giá trị cho "}
clap-but-none-was-supplied = {" nhưng không có"}
clap-unrecognized-subcommand = {"không có lệnh "}
clap-the-following-required-arguments-were = {"thiếu các tham số bắt buộc sau:"}
clap-requires-a-subcommand-but-one = {" cần một lệnh con"}
clap-the-argument = {"tùy chọn "}
clap-cannot-be-used-multiple-times = {" chỉ được dùng một lần"}
clap-cannot-be-used-with = {" không dùng chung được với"}
clap-invalid-utf-8-was-detected = {"có tham số không phải văn bản UTF-8"}
clap-found = {"'"}
clap-for = {" cho '"}
