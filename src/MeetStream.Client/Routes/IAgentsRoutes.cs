using System.Text.Json.Nodes;
using MeetStream.Client.Resilience;
using Refit;

namespace MeetStream.Client.Routes;

/// <summary>
/// The MIA agent routes as Refit declares them; see <see cref="IBotsRoutes"/> for the conventions. Bodies are JSON
/// nodes because <see cref="AgentsClient"/> rewrites them (avatar key, id first) after serializing the typed request.
/// </summary>
internal interface IAgentsRoutes
{
    [Post("/mia")]
    Task<HttpResponseMessage> CreateAgent([Body] JsonNode body, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    /// <remarks>Without <paramref name="agentConfigId"/> it lists every configuration; with it, reads one.</remarks>
    [Get("/mia")]
    Task<HttpResponseMessage> GetAgents([AliasAs("agent_config_id")] string? agentConfigId, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Put("/mia")]
    Task<HttpResponseMessage> UpdateAgent([Body] JsonNode body, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Delete("/mia")]
    Task<HttpResponseMessage> DeleteAgent([AliasAs("agent_config_id")] string agentConfigId, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);
}

/// <summary>The per-route rules of <see cref="IAgentsRoutes"/>.</summary>
internal static class AgentsRoutes
{
    public static readonly Route CreateAgent = Route.Post("/mia");
    public static readonly Route GetAgents = Route.Get("/mia");
    public static readonly Route UpdateAgent = Route.Put("/mia");
    public static readonly Route DeleteAgent = Route.Delete("/mia");
}
