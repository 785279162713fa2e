using System.Reflection;
using System.Text.Json.Serialization;

namespace MeetStream.Client.Lambda.Tests.PublicApi;

/// <summary>Rules every public type of the Lambda package follows, checked by reflection.</summary>
public sealed class LambdaConventionTests
{
    private static readonly Assembly Lambda = typeof(LambdaHost).Assembly;

    [Fact]
    public void PublicAsyncMethods_AllTakeCancellationTokenLast()
    {
        var methods = PublicAsyncMethods().ToList();
        var offenders = methods
            .Where(m => m.GetParameters() is not [.., { ParameterType: var t }] || t != typeof(CancellationToken))
            .Where(m => m.Name != nameof(LambdaStreamEntryPoint.HandleAsync) || m.DeclaringType != typeof(LambdaStreamEntryPoint))
            .Select(m => $"{m.DeclaringType!.FullName}.{m.Name}")
            .ToList();

        Assert.NotEmpty(methods);
        Assert.Empty(offenders);
    }

    [Fact]
    public void PublicAsyncMethods_NamesEndInAsync()
    {
        Assert.Empty(PublicAsyncMethods().Where(m => !m.Name.EndsWith("Async", StringComparison.Ordinal)).Select(m => m.DeclaringType!.FullName + "." + m.Name));
    }

    [Fact]
    public void Exceptions_AllDeriveFromMeetStreamException()
    {
        var exceptions = Lambda.GetExportedTypes().Where(t => typeof(Exception).IsAssignableFrom(t)).ToList();

        Assert.NotEmpty(exceptions);
        Assert.Empty(exceptions.Where(t => !typeof(MeetStreamException).IsAssignableFrom(t)).Select(t => t.Name));
    }

    [Fact]
    public void JsonModels_EveryPropertyHasAnExplicitWireName()
    {
        var models = Lambda.GetExportedTypes().Where(t => t.GetProperties().Any(p => p.IsDefined(typeof(JsonPropertyNameAttribute)))).ToList();
        var missing = models
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(p => !p.IsDefined(typeof(JsonPropertyNameAttribute)) && !p.IsDefined(typeof(JsonIgnoreAttribute)) && !p.IsDefined(typeof(JsonExtensionDataAttribute)))
            .Select(p => p.DeclaringType!.Name + "." + p.Name)
            .ToList();

        Assert.True(models.Count >= 10, "Expected the event and result models to be found.");
        Assert.Empty(missing);
    }

    [Fact]
    public void JsonModels_AllRegisteredInTheSourceGeneratedContext()
    {
        var context = Lambda.GetType("MeetStream.Client.Lambda.Serialization.LambdaJsonContext")!;
        var instance = (JsonSerializerContext)context.GetProperty("Default")!.GetValue(null)!;
        var roots = Lambda.GetExportedTypes().Where(t => t.GetProperties().Any(p => p.IsDefined(typeof(JsonPropertyNameAttribute)))).ToList();

        Assert.Empty(roots.Where(t => instance.GetTypeInfo(t) is null).Select(t => t.Name));
    }

    private static IEnumerable<MethodInfo> PublicAsyncMethods() =>
        Lambda.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && typeof(Task).IsAssignableFrom(m.ReturnType));
}
