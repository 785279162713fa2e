namespace MeetStream.Client.Tests.Agents;

/// <summary>Checks that a parsed echo carries every field of <see cref="AgentFixtures.Echo"/>.</summary>
internal static class AgentAssertions
{
    public static void FullEcho(AgentConfig config, string id = "ac_7f3e2b")
    {
        Assert.Equal(id, config.AgentConfigId);
        Assert.Equal("user_19af", config.UserId);
        Assert.Equal("Sales Assistant", config.AgentName);
        Assert.Equal(AgentMode.Pipeline, config.Mode);
        Assert.Equal("2026-11-21T10:15:30.123456", config.CreatedAt);
        Assert.Equal("2026-11-21T10:15:30.123456", config.UpdatedAt);

        var model = config.Model!;
        Assert.Equal(AgentModelProvider.OpenAI, model.Provider);
        Assert.Equal("gpt-4.1", model.Model);
        Assert.Equal("You help {{customer_name}} with pricing questions.", model.SystemPrompt);
        Assert.Equal("Hi, I'm the AI assistant for this call.", model.FirstMessage);
        Assert.Equal(0.7, model.Temperature);
        Assert.Equal(512, model.MaxTokens);
        Assert.Equal(512, model.MaxToken);
        Assert.Equal(1024, model.MaxResponseOutputTokens);
        Assert.Equal(0.9, model.TopP);
        Assert.Equal(0.1, model.FrequencyPenalty);
        Assert.Equal(0.2, model.PresencePenalty);
        Assert.Equal("alloy", model.Voice);
        Assert.Equal(new[] { "audio", "text" }, model.Modalities);
        Assert.False(model.ThinkingConfig!.IncludeThoughts);
        Assert.Equal(1024, model.ThinkingConfig.ThinkingBudget);
        Assert.True(model.EnableAffectiveDialog);
        Assert.True(model.Proactivity);
        Assert.False(model.DisableAutomaticActivityDetection);

        Assert.Equal(AgentVoiceProvider.ElevenLabs, config.Voice!.Provider);
        Assert.Equal("eleven_turbo_v2_5", config.Voice.Model);
        Assert.Equal("21m00Tcm4TlvDq8ikWAM", config.Voice.VoiceId);
        Assert.Equal(1.1, config.Voice.Speed);
        Assert.Equal(AgentTranscriberProvider.Deepgram, config.Transcriber!.Provider);
        Assert.Equal("nova-3", config.Transcriber.Model);
        Assert.Equal("en", config.Transcriber.Language);
        Assert.Equal(new[] { "MeetStream", "Kubernetes" }, config.Transcriber.BoostWords);

        var agent = config.Agent!;
        Assert.Equal(2, agent.Tools!.Count);
        Assert.True(agent.Tools[0].IsReference);
        Assert.Equal("web_search", agent.Tools[0].Name);
        var tool = agent.Tools[1];
        Assert.False(tool.IsReference);
        Assert.Equal("lookup_order", tool.Name);
        Assert.Equal("Looks up an order by number.", tool.Description);
        Assert.Equal("https://api.example.com/tools/orders", tool.Url);
        Assert.Equal("POST", tool.Method);
        Assert.Equal("object", tool.Parameters!.Value.GetProperty("type").GetString());
        Assert.Equal("env:ORDERS_TOKEN", tool.Headers!["Authorization"]);
        Assert.True(tool.PayloadArgsOnly);
        Assert.Equal(8, tool.TimeoutSeconds);
        Assert.Equal(2, tool.Retries);
        Assert.Equal(4000, tool.ResponseCapChars);
        Assert.True(tool.SpeakDuringExecution);
        Assert.False(tool.SpeakAfterExecution);
        Assert.True(agent.ToolsEnabled);
        Assert.Equal("audio", agent.ResponseModality);
        Assert.Equal(AgentResponseType.Voice, agent.ResponseType);
        var mcp = Assert.Single(agent.McpServers!);
        Assert.Equal("https://mcp.example.com/mcp", mcp.Url);
        Assert.Equal("Bearer mcp-secret-123", mcp.Headers!["Authorization"]);
        Assert.Equal(new[] { "create_ticket", "search_docs" }, mcp.AllowedTools);
        Assert.Equal(10, mcp.Timeout);
        Assert.True(agent.PreemptiveGeneration);
        Assert.Equal(15.5, agent.UserAwayTimeout);
        Assert.Equal(AgentInterruptionMode.Adaptive, agent.InterruptionMode);
        Assert.Equal(0.5, agent.Interruptions!.MinDurationSeconds);
        Assert.Equal(2, agent.Interruptions.WordThreshold);
        Assert.True(agent.EnableInterruptions);
        Assert.Equal(2.0, agent.FalseInterruptionTimeout);
        Assert.True(agent.ResumeFalseInterruption);
        Assert.Equal("medium", agent.VadEagerness);
        Assert.Equal("semantic_vad", agent.VadType);
        Assert.Equal(0.5, agent.VadThreshold);
        Assert.Equal(300, agent.VadPrefixPaddingMs);
        Assert.Equal(500, agent.VadSilenceDurationMs);
        Assert.Equal(0.6, agent.VadActivationThreshold);
        Assert.Equal(0.35, agent.VadDeactivationThreshold);
        Assert.Equal(550, agent.VadMinSilenceDurationMs);
        Assert.Equal(50, agent.VadMinSpeechDurationMs);
        Assert.Equal(200, agent.VadPrefixPaddingDurationMs);
        Assert.Equal("multilingual", agent.TurnDetection);
        Assert.Equal("dynamic", agent.EndpointingMode);
        Assert.Equal(0.5, agent.MinEndpointingDelay);
        Assert.Equal(3.0, agent.MaxEndpointingDelay);

        Assert.Equal(24000, config.Audio!.SampleRate);
        Assert.Equal(1, config.Audio.NumChannels);
        Assert.Equal(AgentAvatarProvider.Anam, config.Avatar!.Provider);
        Assert.True(config.Avatar.Enabled);
        Assert.Equal("anam-avatar-7d1", config.Avatar.AvatarId);
        Assert.True(config.WakeWord!.Enabled);
        Assert.Equal(new[] { "hey assistant", "ok meetstream" }, config.WakeWord.Words);
        Assert.Equal(30, config.WakeWord.Timeout);
    }
}
