using System.Reflection;
using MeetStream.Client.Resilience;
using MeetStream.Client.Routes;
using Refit;

namespace MeetStream.Client.Tests.Core;

/// <summary>The Refit route interfaces are the catalogue of every REST operation: checked by reflection.</summary>
public sealed class RouteCatalogueTests
{
    private static readonly Type[] RouteInterfaces =
    [
        typeof(IBotsRoutes), typeof(ITranscriptsRoutes), typeof(ICalendarRoutes), typeof(IAgentsRoutes),
        typeof(IStorageRoutes), typeof(IGoogleLoginsRoutes), typeof(ITeamsLoginsRoutes),
    ];

    private static readonly Type[] RouteTables =
    [
        typeof(BotsRoutes), typeof(TranscriptsRoutes), typeof(CalendarRoutes), typeof(AgentsRoutes),
        typeof(StorageRoutes), typeof(GoogleLoginsRoutes), typeof(TeamsLoginsRoutes),
    ];

    [Fact]
    public void RouteInterfaces_EveryMethod_IsVerbAnnotatedReturnsTheResponseAndEndsWithCancellationToken()
    {
        var offenders = RouteMethods()
            .Where(m => m.GetCustomAttribute<HttpMethodAttribute>() is null
                || m.ReturnType != typeof(Task<HttpResponseMessage>)
                || m.GetParameters() is not [.., { ParameterType: var last }] || last != typeof(CancellationToken))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToList();

        Assert.NotEmpty(RouteMethods());
        Assert.Empty(offenders);
    }

    [Fact]
    public void RouteInterfaces_EveryMethod_CarriesTheRequestPolicyAsARequestProperty()
    {
        var offenders = RouteMethods()
            .Where(m => !m.GetParameters().Any(p => p.ParameterType == typeof(RequestPolicy) && p.GetCustomAttribute<PropertyAttribute>()?.Key == RequestPolicy.Key.Key))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToList();

        Assert.Equal(Route.PolicyKey, RequestPolicy.Key.Key);
        Assert.Empty(offenders);
    }

    [Fact]
    public void RouteInterfaces_AllResources_Declare69Operations()
    {
        var operations = RouteMethods().Select(Operation).Distinct(StringComparer.Ordinal).ToList();

        Assert.Equal(69, operations.Count);

        // DELETE /calendar/schedule/{event_id} has an optional body, which Refit can only express as a second method.
        Assert.Equal(70, RouteMethods().Count());
        Assert.Single(RouteMethods().GroupBy(Operation).Where(g => g.Count() > 1), g => g.Key == "DELETE /calendar/schedule/{event_id}");
    }

    [Fact]
    public void RouteInterfaces_AreInternal()
    {
        Assert.All(RouteInterfaces, t => Assert.False(t.IsPublic, $"{t.Name} is public; the route catalogue is an internal layer."));
    }

    [Fact]
    public void RouteTables_EveryRoute_MatchesOneDeclaredOperationAndBack()
    {
        var declared = RouteMethods().Select(Operation).ToHashSet(StringComparer.Ordinal);
        var tabled = RouteTables
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Select(f => (Route)f.GetValue(null)!)
            .Select(r => r.ToString())
            .ToList();

        Assert.Equal(tabled.Count, tabled.Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(tabled.Except(declared, StringComparer.Ordinal));
        Assert.Empty(declared.Except(tabled, StringComparer.Ordinal));
    }

    [Fact]
    public void RouteTables_Policies_SayWhichCallsAreSafeToRepeat()
    {
        Assert.True(BotsRoutes.CreateBot.Policy.Idempotent);
        Assert.True(BotsRoutes.CreateBot.SuccessOn507);
        Assert.True(BotsRoutes.PauseRecording.Policy.Idempotent);
        Assert.False(BotsRoutes.SendMessage.Policy.Idempotent);
        Assert.False(TranscriptsRoutes.Transcribe.Policy.Idempotent);
        Assert.True(TranscriptsRoutes.GetTranscript.NotReadyOn202);
        Assert.Equal("/bots/{bot_id}/status", BotsRoutes.GetStatus.Policy.PathTemplate);
        Assert.Same(BotsRoutes.GetStatus.Policy, BotsRoutes.GetStatus.Policy);
    }

    private static IEnumerable<MethodInfo> RouteMethods() => RouteInterfaces.SelectMany(t => t.GetMethods());

    private static string Operation(MethodInfo method)
    {
        var verb = method.GetCustomAttribute<HttpMethodAttribute>()!;
        return $"{verb.Method.Method} {verb.Path}";
    }
}
