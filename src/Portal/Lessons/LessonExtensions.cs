using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Portal.Lessons;

/// <summary>Registers the lesson catalogue and the demo catalogue lessons embed.</summary>
public static class LessonExtensions
{
    public static IServiceCollection AddLessons(this IServiceCollection services)
    {
        services.AddOptions<LessonsOptions>().BindConfiguration(LessonsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(_ => DemoCatalog.CreateDefault());
        services.AddSingleton<LessonCatalog>();
        return services;
    }
}
