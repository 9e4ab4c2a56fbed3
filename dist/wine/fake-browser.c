/* Test helper for the Wine suite (never shipped): a stand-in for msedge.exe / chrome.exe.
 * Given --print-to-pdf=PATH it writes a tiny file starting with %PDF that lists the
 * arguments it was given, one a line, so the test can see how mh51 called the browser. */
#include <stdio.h>
#include <wchar.h>
#include <windows.h>

int wmain(int argc, wchar_t **argv)
{
    const wchar_t *out = NULL;
    for (int i = 1; i < argc; i++)
        if (wcsncmp(argv[i], L"--print-to-pdf=", 15) == 0)
            out = argv[i] + 15;
    if (!out)
        return 3;
    FILE *f = _wfopen(out, L"wb");
    if (!f)
        return 4;
    fputs("%PDF-1.4 fake browser\n", f);
    for (int i = 1; i < argc; i++) {
        char line[4096];
        WideCharToMultiByte(CP_UTF8, 0, argv[i], -1, line, sizeof line, NULL, NULL);
        fprintf(f, "%s\n", line);
    }
    fclose(f);
    return 0;
}
