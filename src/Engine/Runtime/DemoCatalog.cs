namespace ConcurrencyLab.Engine.Runtime;

/// <summary>Every demo the portal can run, by id.</summary>
public sealed class DemoCatalog
{
    private readonly Dictionary<string, IDemo> _demos;

    /// <summary>A catalogue of the given demos; ids must be unique.</summary>
    public DemoCatalog(IEnumerable<IDemo> demos) => _demos = demos.ToDictionary(d => d.Info.Id, StringComparer.Ordinal);

    /// <summary>The demos that ship with the portal: every public <see cref="IDemo"/> class under <c>Demos/</c>.</summary>
    public static DemoCatalog CreateDefault() => new(typeof(DemoCatalog).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && typeof(IDemo).IsAssignableFrom(t))
        .Select(t => (IDemo)Activator.CreateInstance(t)!));

    /// <summary>The C# file a demo is written in, as shipped with the Engine: the code that runs is the code learners read.</summary>
    public static string? SourceOf(IDemo demo)
    {
        var type = demo.GetType();
        var folder = type.Namespace?.Split('.').LastOrDefault();
        using var stream = type.Assembly.GetManifestResourceStream($"demo-source/{folder}/{type.Name}.cs");
        return stream is null ? null : new StreamReader(stream).ReadToEnd();
    }

    /// <summary>All demos, in id order.</summary>
    public IEnumerable<DemoInfo> All => _demos.Values.Select(d => d.Info).OrderBy(i => i.Id, StringComparer.Ordinal);

    /// <summary>The demo with this id, or null.</summary>
    public IDemo? Find(string id) => _demos.GetValueOrDefault(id);

    /// <summary>The demo with this id.</summary>
    /// <exception cref="UnknownDemoException">When there is none.</exception>
    public IDemo Get(string id) => Find(id) ?? throw new UnknownDemoException(id);
}
