namespace MeetStream.Client;

/// <summary>
/// Client-side checks of MIA create and update bodies, run before any I/O so mistakes fail with a message that names
/// the field and the rule instead of a round trip and a 400.
/// </summary>
internal static class AgentRequestValidator
{
    /// <summary>Checks a create body: required fields, then the rules shared with updates.</summary>
    public static void Validate(CreateAgentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.AgentName))
        {
            throw new ArgumentException("CreateAgentRequest.AgentName (agent_name) is required and must not be empty.", nameof(request));
        }

        if (string.IsNullOrWhiteSpace(request.Mode.Value))
        {
            throw new ArgumentException("CreateAgentRequest.Mode (mode) is required: AgentMode.Pipeline or AgentMode.Realtime.", nameof(request));
        }

        if (request.Model is null)
        {
            throw new ArgumentException("CreateAgentRequest.Model (model) is required and must contain a SystemPrompt.", nameof(request));
        }

        if (string.IsNullOrWhiteSpace(request.Model.SystemPrompt))
        {
            throw new ArgumentException("CreateAgentRequest.Model.SystemPrompt (model.system_prompt) is required and must not be empty.", nameof(request));
        }

        ValidateSections("CreateAgentRequest", request.Model, request.Agent, request.Avatar);
    }

    /// <summary>Checks an update body: the id, that something is set, and the shared rules.</summary>
    public static void Validate(string agentConfigId, UpdateAgentRequest request)
    {
        RequireId(agentConfigId);
        ArgumentNullException.ThrowIfNull(request);
        if (request.AgentName is not null && string.IsNullOrWhiteSpace(request.AgentName))
        {
            throw new ArgumentException("UpdateAgentRequest.AgentName (agent_name) must not be empty when set; leave it null to keep the current name.", nameof(request));
        }

        if (request.Mode is { } mode && string.IsNullOrWhiteSpace(mode.Value))
        {
            throw new ArgumentException("UpdateAgentRequest.Mode (mode) must be AgentMode.Pipeline or AgentMode.Realtime when set.", nameof(request));
        }

        if (request.Model?.SystemPrompt is { } prompt && string.IsNullOrWhiteSpace(prompt))
        {
            throw new ArgumentException("UpdateAgentRequest.Model.SystemPrompt (model.system_prompt) must not be empty when set.", nameof(request));
        }

        ValidateSections("UpdateAgentRequest", request.Model, request.Agent, request.Avatar);
    }

    /// <summary>Rejects a null, empty or white-space agent configuration id.</summary>
    public static void RequireId(string agentConfigId)
    {
        ArgumentNullException.ThrowIfNull(agentConfigId);
        if (string.IsNullOrWhiteSpace(agentConfigId))
        {
            throw new ArgumentException("agentConfigId must not be empty or white space.", nameof(agentConfigId));
        }
    }

    private static void ValidateSections(string type, AgentModelSettings? model, AgentBehaviorSettings? agent, AgentAvatarSettings? avatar)
    {
        if (model?.Temperature is { } temperature && (double.IsNaN(temperature) || temperature < 0 || temperature > 2))
        {
            throw new ArgumentException($"{type}.Model.Temperature (model.temperature) must be between 0 and 2; got {temperature}.", "request");
        }

        if (agent?.McpServers is { } servers)
        {
            for (var i = 0; i < servers.Count; i++)
            {
                var url = servers[i]?.Url;
                if (!IsHttps(url))
                {
                    throw new ArgumentException($"{type}.Agent.McpServers[{i}].Url (agent.mcp_servers[{i}].url) must be an absolute public https:// URL; got '{url}'. A local MCP server needs an HTTPS tunnel.", "request");
                }
            }
        }

        if (agent?.Tools is { } tools)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < tools.Count; i++)
            {
                var tool = tools[i] ?? throw new ArgumentException($"{type}.Agent.Tools[{i}] is null.", "request");
                if (string.IsNullOrWhiteSpace(tool.Name))
                {
                    throw new ArgumentException($"{type}.Agent.Tools[{i}].Name (agent.tools[{i}].name) is required.", "request");
                }

                if (!names.Add(tool.Name))
                {
                    throw new ArgumentException($"{type}.Agent.Tools has two tools named '{tool.Name}'; function names must be unique.", "request");
                }

                if (!tool.IsReference && tool.Url is not null && !IsHttps(tool.Url))
                {
                    throw new ArgumentException($"{type}.Agent.Tools[{i}].Url (agent.tools[{i}].url) must be an absolute public https:// URL; got '{tool.Url}'.", "request");
                }
            }
        }

        if (avatar is not null
            && avatar.Enabled != false
            && avatar.Provider is { } provider
            && provider == AgentAvatarProvider.Anam
            && string.IsNullOrWhiteSpace(avatar.AvatarId))
        {
            throw new ArgumentException($"{type}.Avatar.AvatarId (avatar_id) is required for the anam provider (use the avatar id, not the persona id).", "request");
        }
    }

    private static bool IsHttps(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host);
}
