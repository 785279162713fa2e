using System.Text.Json;
using System.Text.Json.Nodes;
using MeetStream.Client.Http;
using MeetStream.Client.Routes;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>The REST implementation of <see cref="IAgentsClient"/>.</summary>
internal sealed class AgentsClient : IAgentsClient
{
    private const string Path = "/mia";
    private readonly MeetStreamTransport _transport;

    public AgentsClient(MeetStreamTransport transport) => _transport = transport;

    /// <inheritdoc />
    public async Task<CreateAgentResponse> CreateAsync(CreateAgentRequest request, CancellationToken cancellationToken = default)
    {
        AgentRequestValidator.Validate(request);
        var body = JsonSerializer.SerializeToNode(request, MeetStreamJsonContext.Default.CreateAgentRequest)!.AsObject();
        ApplyAvatarKey(body, request.AvatarKey);
        var response = await _transport.SendAsync(
            new RouteCall(AgentsRoutes.CreateAgent),
            (JsonNode)body,
            static (routes, body, ct) => routes.Agents.CreateAgent(body, AgentsRoutes.CreateAgent.Policy, ct),
            MeetStreamJsonContext.Default.CreateAgentResponse,
            cancellationToken).ConfigureAwait(false);
        return response.Value;
    }

    /// <inheritdoc />
    public async Task<AgentConfigList> ListAsync(CancellationToken cancellationToken = default)
    {
        var response = await _transport.SendAsync(
            new RouteCall(AgentsRoutes.GetAgents),
            0,
            static (routes, _, ct) => routes.Agents.GetAgents(null, AgentsRoutes.GetAgents.Policy, ct),
            MeetStreamJsonContext.Default.AgentConfigList,
            cancellationToken).ConfigureAwait(false);
        return response.Value;
    }

    /// <inheritdoc />
    public async Task<AgentConfig> GetAsync(string agentConfigId, CancellationToken cancellationToken = default)
    {
        AgentRequestValidator.RequireId(agentConfigId);
        var response = await _transport.SendAsync(
            new RouteCall(AgentsRoutes.GetAgents),
            agentConfigId,
            static (routes, id, ct) => routes.Agents.GetAgents(id, AgentsRoutes.GetAgents.Policy, ct),
            MeetStreamJsonContext.Default.JsonElement,
            cancellationToken).ConfigureAwait(false);
        var root = response.Value;
        AgentConfig? found;
        try
        {
            found = FindConfig(root, agentConfigId);
        }
        catch (JsonException ex)
        {
            throw new MeetStreamUnexpectedResponseException(
                $"MeetStream answered GET {Path}?agent_config_id={agentConfigId} with {(int)response.StatusCode} but the body is not an agent configuration: {ex.Message}",
                Details(response, root, null),
                ex);
        }

        return found ?? throw new MeetStreamNotFoundException(
            $"MeetStream found no agent configuration '{agentConfigId}': GET {Path}?agent_config_id={agentConfigId} answered {(int)response.StatusCode} without it. Check the id with Agents.ListAsync().",
            Details(response, root, "agent configuration not in the answer"));
    }

    /// <inheritdoc />
    public async Task<UpdateAgentResponse> UpdateAsync(string agentConfigId, UpdateAgentRequest request, CancellationToken cancellationToken = default)
    {
        AgentRequestValidator.Validate(agentConfigId, request);
        var fields = JsonSerializer.SerializeToNode(request, MeetStreamJsonContext.Default.UpdateAgentRequest)!.AsObject();
        ApplyAvatarKey(fields, request.AvatarKey);
        fields.Remove("agent_config_id");
        if (fields.Count == 0)
        {
            throw new ArgumentException("UpdateAgentRequest sets nothing to change; set at least one section (AgentName, Mode, Model, Voice, Transcriber, Agent, Audio, WakeWord or Avatar).", nameof(request));
        }

        var body = new JsonObject { ["agent_config_id"] = agentConfigId };
        foreach (var (name, value) in fields.ToList())
        {
            fields.Remove(name);
            body[name] = value;
        }

        var response = await _transport.SendAsync(
            new RouteCall(AgentsRoutes.UpdateAgent),
            (JsonNode)body,
            static (routes, body, ct) => routes.Agents.UpdateAgent(body, AgentsRoutes.UpdateAgent.Policy, ct),
            MeetStreamJsonContext.Default.UpdateAgentResponse,
            cancellationToken).ConfigureAwait(false);
        return response.Value;
    }

    /// <inheritdoc />
    public async Task<DeleteAgentResponse> DeleteAsync(string agentConfigId, CancellationToken cancellationToken = default)
    {
        AgentRequestValidator.RequireId(agentConfigId);
        var response = await _transport.SendAsync(
            new RouteCall(AgentsRoutes.DeleteAgent),
            agentConfigId,
            static (routes, id, ct) => routes.Agents.DeleteAgent(id, AgentsRoutes.DeleteAgent.Policy, ct),
            cancellationToken).ConfigureAwait(false);
        return response.Value is { ValueKind: JsonValueKind.Object } json
            ? json.Deserialize(MeetStreamJsonContext.Default.DeleteAgentResponse) ?? new DeleteAgentResponse()
            : new DeleteAgentResponse();
    }

    /// <summary>Moves the avatar section to the key the caller chose (the model serializes it as <c>avatar</c>).</summary>
    internal static void ApplyAvatarKey(JsonObject body, AgentAvatarKey key)
    {
        if (key == AgentAvatarKey.PascalCase && body.TryGetPropertyValue("avatar", out var avatar))
        {
            body.Remove("avatar");
            body["Avatar"] = avatar;
        }
    }

    /// <summary>Finds the configuration in any known answer shape; null when the answer does not contain it.</summary>
    internal static AgentConfig? FindConfig(JsonElement root, string agentConfigId)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"Expected a JSON object but found {root.ValueKind}.");
        }

        if (root.TryGetProperty("agent_config", out var single) && single.ValueKind == JsonValueKind.Object)
        {
            return single.Deserialize(MeetStreamJsonContext.Default.AgentConfig);
        }

        if (root.TryGetProperty("agent_configs", out var list))
        {
            if (list.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var configs = list.Deserialize(MeetStreamJsonContext.Default.ListAgentConfig) ?? [];
            return configs.Count == 1 && configs[0].AgentConfigId is null
                ? configs[0]
                : configs.FirstOrDefault(c => string.Equals(c.AgentConfigId, agentConfigId, StringComparison.Ordinal));
        }

        // A bare configuration object.
        if (root.TryGetProperty("AgentConfigID", out _) || root.TryGetProperty("agent_config_id", out _))
        {
            return root.Deserialize(MeetStreamJsonContext.Default.AgentConfig);
        }

        return null;
    }

    private static MeetStreamErrorDetails Details(ApiResponse<JsonElement> response, JsonElement body, string? message)
    {
        var text = body.GetRawText();
        return new MeetStreamErrorDetails(response.StatusCode, "GET", Path, message, response.RequestId, text.Length > 64 * 1024 ? text[..(64 * 1024)] : text);
    }
}
