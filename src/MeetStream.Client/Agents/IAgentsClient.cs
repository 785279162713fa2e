namespace MeetStream.Client;

/// <summary>
/// MeetStream MIA (MeetStream Infrastructure Agents): hosted voice agents that join meetings. Create a configuration
/// here, then pass its id as <c>agent_config_id</c> on create_bot (alone: MeetStream hosts the bridge). Provider keys
/// (OpenAI, Anthropic, ElevenLabs, Deepgram, …) are stored in the dashboard's Integrations page, not through the
/// API. Fake this interface to test code that uses it.
/// </summary>
public interface IAgentsClient
{
    /// <summary>Creates an agent configuration (<c>POST /mia</c>). Not retried once it may have reached MeetStream.</summary>
    /// <param name="request">The configuration; <see cref="CreateAgentRequest.AvatarKey"/> picks <c>avatar</c> or <c>Avatar</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new id and the stored configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">A required field is missing (agent_name, mode, model.system_prompt), temperature is outside 0–2, an MCP server or tool URL is not https, tool names repeat, or an Anam avatar lacks avatar_id.</exception>
    /// <exception cref="MeetStreamBadRequestException">MeetStream rejected a field, an unsupported provider, or a provider whose key is not in Integrations.</exception>
    /// <exception cref="MeetStreamApiException">MeetStream answered with another error.</exception>
    Task<CreateAgentResponse> CreateAsync(CreateAgentRequest request, CancellationToken cancellationToken = default);

    /// <summary>Lists the account's agent configurations (<c>GET /mia</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The configurations and their count.</returns>
    /// <exception cref="MeetStreamApiException">MeetStream answered with an error.</exception>
    Task<AgentConfigList> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads one agent configuration (<c>GET /mia?agent_config_id=</c>). Accepts both answers MeetStream gives:
    /// <c>{"agent_config": {…}}</c> and a list holding the configuration.
    /// </summary>
    /// <param name="agentConfigId">The configuration's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="ArgumentException"><paramref name="agentConfigId"/> is null, empty or white space.</exception>
    /// <exception cref="MeetStreamNotFoundException">No configuration has that id (a 404, or an answer without it).</exception>
    /// <exception cref="MeetStreamPermissionDeniedException">The configuration belongs to another account.</exception>
    /// <exception cref="MeetStreamApiException">MeetStream answered with another error.</exception>
    Task<AgentConfig> GetAsync(string agentConfigId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes an agent configuration (<c>PUT /mia</c> with <c>agent_config_id</c> in the body); only the sections
    /// set in <paramref name="request"/> are sent. Saved configurations only: use <c>POST /bots/{bot_id}/update_mia</c>
    /// for a running session.
    /// </summary>
    /// <param name="agentConfigId">The configuration's id.</param>
    /// <param name="request">The sections to change; at least one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The configuration after the update.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or <paramref name="agentConfigId"/> is null.</exception>
    /// <exception cref="ArgumentException">The id is empty, nothing is set, a set name or prompt is empty, temperature is outside 0–2, or an MCP server or tool URL is not https.</exception>
    /// <exception cref="MeetStreamBadRequestException">MeetStream rejected a field or a provider key is missing in Integrations.</exception>
    /// <exception cref="MeetStreamNotFoundException">No configuration has that id.</exception>
    /// <exception cref="MeetStreamApiException">MeetStream answered with another error.</exception>
    Task<UpdateAgentResponse> UpdateAsync(string agentConfigId, UpdateAgentRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes an agent configuration (<c>DELETE /mia?agent_config_id=</c>).</summary>
    /// <param name="agentConfigId">The configuration's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>MeetStream's confirmation.</returns>
    /// <exception cref="ArgumentException"><paramref name="agentConfigId"/> is null, empty or white space.</exception>
    /// <exception cref="MeetStreamNotFoundException">No configuration has that id.</exception>
    /// <exception cref="MeetStreamApiException">MeetStream answered with another error.</exception>
    Task<DeleteAgentResponse> DeleteAsync(string agentConfigId, CancellationToken cancellationToken = default);
}
