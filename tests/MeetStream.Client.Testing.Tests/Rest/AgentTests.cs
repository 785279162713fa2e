using MeetStream.Client.Testing.Tests.Infrastructure;

namespace MeetStream.Client.Testing.Tests.Rest;

/// <summary>MIA agent configurations: create (201, PascalCase echo), list, get by id, partial update, delete by query, validation.</summary>
public sealed class AgentTests : IAsyncLifetime
{
    private static readonly string[] Sections = ["Model", "Voice", "Transcriber", "Agent", "Audio", "Avatar", "WakeWord"];
    private MeetStreamSimulator _sim = null!;
    private MeetStreamClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static CreateAgentRequest PipelineAgent() => new()
    {
        AgentName = "Sales assistant",
        Mode = AgentMode.Pipeline,
        Model = new AgentModelSettings { Provider = AgentModelProvider.OpenAI, Model = "gpt-4.1-mini", SystemPrompt = "You help with sales calls.", Temperature = 0.4 },
        Voice = new AgentVoiceSettings { Provider = AgentVoiceProvider.OpenAI, Model = "tts-1", VoiceId = "alloy" },
        Transcriber = new AgentTranscriberSettings { Provider = AgentTranscriberProvider.Deepgram, Model = "nova-3", Language = "en" },
        Agent = new AgentBehaviorSettings { ToolsEnabled = false },
        Audio = new AgentAudioSettings { SampleRate = 24000, NumChannels = 1 },
        WakeWord = new AgentWakeWordSettings { Enabled = true, Words = ["assistant"], Timeout = 30 },
        Avatar = new AgentAvatarSettings { Provider = AgentAvatarProvider.Anam, Enabled = false, AvatarId = "av_1" },
    };

    public async ValueTask InitializeAsync()
    {
        _sim = await Simulators.StartManualAsync();
        _client = Simulators.Client(_sim);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _sim.DisposeAsync();
    }

    [Fact]
    public async Task Create_ValidPipelineAgent_Answers201WithPascalCaseEcho()
    {
        var created = await _client.Agents.CreateAsync(PipelineAgent(), Ct);

        ModelAssert.Complete(created, skip: Sections);
        Assert.Equal(201, _sim.Journal.Requests[^1].StatusCode);
        Assert.Equal(created.AgentConfigId, created.AgentConfig!.AgentConfigId);
        Assert.Equal("Sales assistant", created.AgentConfig.AgentName);
        Assert.Equal(AgentMode.Pipeline, created.AgentConfig.Mode);
        Assert.Equal("gpt-4.1-mini", created.AgentConfig.Model!.Model);
        Assert.Equal("alloy", created.AgentConfig.Voice!.VoiceId);
    }

    [Fact]
    public async Task ListGetUpdateDelete_RoundTrip_KeepsStateAndAnswers404AfterDelete()
    {
        var id = (await _client.Agents.CreateAsync(PipelineAgent(), Ct)).AgentConfigId!;

        var list = await _client.Agents.ListAsync(Ct);
        var updated = await _client.Agents.UpdateAsync(id, new UpdateAgentRequest { AgentName = "Renamed", WakeWord = new AgentWakeWordSettings { Enabled = false } }, Ct);
        var fetched = await _client.Agents.GetAsync(id, Ct);
        var deleted = await _client.Agents.DeleteAsync(id, Ct);

        ModelAssert.Complete(list, skip: Sections);
        Assert.Equal(1, list.Count);
        ModelAssert.Complete(updated, skip: Sections);
        Assert.Equal("Renamed", fetched.AgentName);
        Assert.False(fetched.WakeWord!.Enabled);
        Assert.Equal("gpt-4.1-mini", fetched.Model!.Model);
        Assert.NotNull(deleted.Message);
        await Assert.ThrowsAsync<MeetStreamNotFoundException>(() => _client.Agents.GetAsync(id, Ct));
        Assert.Equal("?agent_config_id=" + id, _sim.Journal.Requests.Single(r => r.Method == "DELETE").Query);
    }

    [Fact]
    public async Task Create_RealtimeWithoutVoice_Answers400()
    {
        var request = new CreateAgentRequest
        {
            AgentName = "Realtime",
            Mode = AgentMode.Realtime,
            Model = new AgentModelSettings { Provider = AgentModelProvider.OpenAI, Model = "gpt-realtime", SystemPrompt = "Hi" },
        };

        var error = await Assert.ThrowsAsync<MeetStreamBadRequestException>(() => _client.Agents.CreateAsync(request, Ct));

        Assert.Contains("model.voice is required", error.ApiMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_PipelineWithRealtimeOnlyProvider_Answers400()
    {
        var request = new CreateAgentRequest
        {
            AgentName = "Wrong",
            Mode = AgentMode.Pipeline,
            Model = new AgentModelSettings { Provider = AgentModelProvider.XAI, Model = "grok", SystemPrompt = "Hi" },
        };

        var error = await Assert.ThrowsAsync<MeetStreamBadRequestException>(() => _client.Agents.CreateAsync(request, Ct));

        Assert.Contains("not supported in pipeline mode", error.ApiMessage, StringComparison.Ordinal);
    }
}
