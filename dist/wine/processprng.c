/* A stand-in bcryptprimitives.dll for running mh51.exe under Wine 8 in the tests ONLY.
 *
 * Rust's standard library (1.78 and later) gets its random numbers from ProcessPrng in
 * bcryptprimitives.dll, which Windows 10 and 11 have and Wine 8 does not. This DLL exports
 * ProcessPrng and fills the buffer from RtlGenRandom (advapi32's SystemFunction036), which
 * Wine has. dist/wine-test.sh builds it with MinGW and puts it beside mh51.exe in the test
 * directory; it is never part of the shipped zip (dist/windows.sh refuses to pack it, and
 * the Wine suite checks the zip). See docs/windows.md. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!SystemFunction036(data, n))
            return FALSE;
        data += n;
        len -= n;
    }
    return TRUE;
}
