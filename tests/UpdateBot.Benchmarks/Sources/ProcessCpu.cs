using System.Diagnostics;
using System.Runtime.InteropServices;

namespace UpdateBot.Benchmarks.Sources;

/// <summary>CPU time used by this process so far, to the nanosecond on Linux (clock_gettime), else as .NET reports it.</summary>
internal static partial class ProcessCpu
{
    private const int ClockProcessCpuTimeId = 2;

    public static TimeSpan Now()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ClockProcessCpuTimeId, out var spec) == 0)
        {
            return TimeSpan.FromTicks((spec.Seconds * TimeSpan.TicksPerSecond) + (spec.Nanoseconds / 100));
        }

        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
