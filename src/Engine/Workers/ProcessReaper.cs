using System.Globalization;
using System.Text;

namespace ConcurrencyLab.Engine.Workers;

/// <summary>
/// Finds worker processes by the environment markers every worker carries, in /proc. Runs kill their
/// own processes; this is for what an earlier crash of the portal left behind, and for tests that
/// check no run leaves anything. An idle worker of a <see cref="WorkerPool"/> carries the pool's
/// <see cref="WorkerPool.Marker"/> as its run until a run takes it, and its portal as owner like any other.
/// </summary>
public static class ProcessReaper
{
    /// <summary>Live processes (not zombies) of the run with this token, grandchildren included.</summary>
    public static IReadOnlyList<int> FindRunProcesses(string token) =>
        Workers().Where(w => w.Run == token).Select(w => w.Pid).ToList();

    /// <summary>Live worker processes (and their children) started by the portal process <paramref name="ownerPid"/>.</summary>
    public static IReadOnlyList<int> FindOwnedProcesses(int ownerPid) =>
        Workers().Where(w => w.Owner == ownerPid).Select(w => w.Pid).ToList();

    /// <summary>Kills every worker whose owning portal is gone; returns how many it killed.</summary>
    public static int ReapLeftovers()
    {
        var killed = 0;
        foreach (var worker in Workers().Where(w => !IsAlive(w.Owner)))
        {
            if (Runtime.NativeMethods.Signal(worker.Pid, Runtime.NativeMethods.SigKill))
            {
                killed++;
            }
        }

        return killed;
    }

    private static IEnumerable<(int Pid, string Run, int Owner)> Workers()
    {
        if (!OperatingSystem.IsLinux())
        {
            yield break;
        }

        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            string environment;
            try
            {
                environment = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(directory, "environ")));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            string? run = null;
            var owner = 0;
            foreach (var entry in environment.Split('\0'))
            {
                if (entry.StartsWith(WorkerProtocol.RunVariable + "=", StringComparison.Ordinal))
                {
                    run = entry[(WorkerProtocol.RunVariable.Length + 1)..];
                }
                else if (entry.StartsWith(WorkerProtocol.OwnerVariable + "=", StringComparison.Ordinal))
                {
                    int.TryParse(entry.AsSpan(WorkerProtocol.OwnerVariable.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out owner);
                }
            }

            if (run is not null && pid != Environment.ProcessId)
            {
                yield return (pid, run, owner);
            }
        }
    }

    private static bool IsAlive(int pid) => pid > 0 && Directory.Exists($"/proc/{pid}");
}
