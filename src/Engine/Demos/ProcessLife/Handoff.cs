using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Demos.ProcessLife;

/// <summary>
/// Small notes between processes through a shared folder. Processes share the file system, so a file is
/// the simplest signal that still works after the process that wrote it has gone.
/// </summary>
internal static class Handoff
{
    /// <summary>A fresh folder for one run's notes.</summary>
    public static string NewFolder(string demo) =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "concurrency-lab", $"{demo}-{Guid.NewGuid():N}")).FullName;

    /// <summary>Writes a note so that a reader sees all of it or nothing: write aside, then rename (atomic).</summary>
    public static void Write(string folder, string name, string text)
    {
        var draft = Path.Combine(folder, name + ".draft");
        File.WriteAllText(draft, text);
        File.Move(draft, Path.Combine(folder, name), overwrite: true);
    }

    /// <summary>Waits, drawn as waiting on <paramref name="lane"/>, until the note exists; returns its text.</summary>
    /// <exception cref="OperationCanceledException">When the run is stopped first.</exception>
    public static string WaitFor(Lane lane, string folder, string name, CancellationToken cancellation)
    {
        var path = Path.Combine(folder, name);
        lane.Enter(LaneState.Waiting, name);
        while (!File.Exists(path))
        {
            if (cancellation.WaitHandle.WaitOne(5))
            {
                throw new OperationCanceledException(cancellation);
            }
        }

        lane.Enter(LaneState.Running);
        return File.ReadAllText(path);
    }
}
