namespace ConcurrencyLab.Engine.Workers;

/// <summary>Where the worker program is: <c>ConcurrencyLab.Worker.dll</c> beside the app, run by the same dotnet host.</summary>
public static class WorkerLocation
{
    /// <summary>The worker assembly.</summary>
    public static string Assembly { get; } = Path.Combine(AppContext.BaseDirectory, "ConcurrencyLab.Worker.dll");

    /// <summary>The dotnet host: shared/Microsoft.NETCore.App/&lt;version&gt;/ is three levels below it.</summary>
    public static string Host { get; } = FindHost();

    private static string FindHost()
    {
        var runtime = System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory();
        var root = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        var host = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(host) ? host : "dotnet";
    }
}
