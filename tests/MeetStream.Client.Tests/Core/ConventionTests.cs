using System.Reflection;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client.Tests.Core;

/// <summary>Rules every public type of the core package follows, checked by reflection.</summary>
public sealed class ConventionTests
{
    private static readonly Assembly Core = typeof(MeetStreamClient).Assembly;

    [Fact]
    public void PublicAsyncMethods_AllTakeCancellationTokenLastWithDefault()
    {
        var offenders = PublicAsyncMethods()
            .Where(m => m.GetParameters() is not [.., { ParameterType: var t, HasDefaultValue: true }] || t != typeof(CancellationToken))
            .Select(m => $"{m.DeclaringType!.FullName}.{m.Name}")
            .ToList();

        Assert.True(PublicAsyncMethods().Any(), "No public async methods were found.");
        Assert.Empty(offenders);
    }

    [Fact]
    public void PublicAsyncMethods_NamesEndInAsync()
    {
        var offenders = PublicAsyncMethods().Where(m => !m.Name.EndsWith("Async", StringComparison.Ordinal)).Select(m => m.DeclaringType!.FullName + "." + m.Name).ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Models_AllRegisteredInTheSourceGeneratedContext()
    {
        var models = Core.GetTypes().Where(t => typeof(MeetStreamObject).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        var missing = models.Where(t => MeetStreamJsonContext.Default.GetTypeInfo(t) is null).Select(t => t.FullName).ToList();

        Assert.NotEmpty(models);
        Assert.Empty(missing);
    }

    [Fact]
    public void ModelProperties_AllHaveExplicitJsonNames()
    {
        var missing = Core.GetTypes()
            .Where(t => typeof(MeetStreamObject).IsAssignableFrom(t) && t.IsPublic)
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(p => !p.IsDefined(typeof(JsonPropertyNameAttribute)) && !p.IsDefined(typeof(JsonIgnoreAttribute)) && !p.IsDefined(typeof(JsonExtensionDataAttribute)))
            .Select(p => p.DeclaringType!.Name + "." + p.Name)
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void OpenEnums_AreReadOnlyStructsWithConverters()
    {
        var enums = Core.GetExportedTypes().Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IExtensibleEnum<>))).ToList();
        var offenders = enums.Where(t => !t.IsValueType || t.GetCustomAttribute<JsonConverterAttribute>() is null).Select(t => t.Name).ToList();

        Assert.NotEmpty(enums);
        Assert.Empty(offenders);
    }

    [Fact]
    public void SubClientInterfaces_HaveOnlyInternalImplementations()
    {
        var interfaces = typeof(IMeetStreamClient).GetProperties().Select(p => p.PropertyType).Where(t => t.IsInterface).ToList();
        var publicImplementations = Core.GetExportedTypes().Where(t => t.IsClass && interfaces.Any(i => i.IsAssignableFrom(t))).Select(t => t.Name).ToList();

        Assert.Equal(7, interfaces.Count);
        Assert.Empty(publicImplementations);
    }

    [Fact]
    public void Exceptions_AllDeriveFromMeetStreamException()
    {
        var offenders = Core.GetExportedTypes().Where(t => typeof(Exception).IsAssignableFrom(t) && !typeof(MeetStreamException).IsAssignableFrom(t)).Select(t => t.Name).ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void PublicClasses_OutsideRealtime_AreSealedUnlessDesignedForInheritance()
    {
        // Exception bases are caught by callers and derived by the SDK's other packages; the validator options are
        // derived by MeetStreamWebhookOptions (AspNetCore). Everything else is sealed or abstract.
        Type[] designedForInheritance = [typeof(MeetStreamException), typeof(MeetStreamApiException), typeof(MeetStream.Client.Webhooks.WebhookValidatorOptions)];
        var offenders = Core.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract && !designedForInheritance.Contains(t))
            .Where(t => t.Namespace?.StartsWith("MeetStream.Client.Realtime", StringComparison.Ordinal) != true)
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void WebhookEventHierarchy_ClosedToOtherAssemblies()
    {
        var abstractEvents = Core.GetExportedTypes().Where(t => t.IsAbstract && typeof(MeetStream.Client.Webhooks.WebhookEvent).IsAssignableFrom(t)).ToList();
        var derivable = abstractEvents
            .Where(t => t.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Any(c => c.IsPublic || c.IsFamily || c.IsFamilyOrAssembly))
            .Select(t => t.Name)
            .ToList();

        Assert.Equal(4, abstractEvents.Count);
        Assert.Empty(derivable);
    }

    private static IEnumerable<MethodInfo> PublicAsyncMethods() =>
        Core.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && m.DeclaringType!.Namespace?.StartsWith("MeetStream", StringComparison.Ordinal) == true)
            .Where(m => typeof(Task).IsAssignableFrom(m.ReturnType) || m.ReturnType.Name.StartsWith("ValueTask", StringComparison.Ordinal) || (m.ReturnType.IsGenericType && m.ReturnType.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>)))
            .Where(m => m.Name is not "DisposeAsync");
}
