using System.Text.Json;
using System.Text.Json.Nodes;

namespace MeetStream.Client.Tests.Agents;

/// <summary>Realistic MIA requests and the PascalCase echo MeetStream stores, with every §2.9 field.</summary>
internal static class AgentFixtures
{
    public static CreateAgentRequest FullPipelineRequest(AgentAvatarKey avatarKey = AgentAvatarKey.Lowercase) => new()
    {
        AgentName = "Sales Assistant",
        Mode = AgentMode.Pipeline,
        AvatarKey = avatarKey,
        Model = new AgentModelSettings
        {
            Provider = AgentModelProvider.OpenAI,
            Model = "gpt-4.1",
            SystemPrompt = "You help {{customer_name}} with pricing questions.",
            FirstMessage = "Hi, I'm the AI assistant for this call.",
            Temperature = 0.7,
            MaxTokens = 512,
            MaxToken = 512,
            MaxResponseOutputTokens = 1024,
            TopP = 0.9,
            FrequencyPenalty = 0.1,
            PresencePenalty = 0.2,
            Voice = "alloy",
            Modalities = ["audio", "text"],
            ThinkingConfig = new AgentThinkingSettings { IncludeThoughts = false, ThinkingBudget = 1024 },
            EnableAffectiveDialog = true,
            Proactivity = true,
            DisableAutomaticActivityDetection = false,
        },
        Voice = new AgentVoiceSettings { Provider = AgentVoiceProvider.ElevenLabs, Model = "eleven_turbo_v2_5", VoiceId = "21m00Tcm4TlvDq8ikWAM", Speed = 1.1 },
        Transcriber = new AgentTranscriberSettings { Provider = AgentTranscriberProvider.Deepgram, Model = "nova-3", Language = "en", BoostWords = ["MeetStream", "Kubernetes"] },
        Agent = new AgentBehaviorSettings
        {
            Tools =
            [
                AgentTool.Reference("web_search"),
                new AgentTool
                {
                    Name = "lookup_order",
                    Description = "Looks up an order by number.",
                    Url = "https://api.example.com/tools/orders",
                    Method = "POST",
                    Parameters = JsonDocument.Parse("""{"type":"object","properties":{"order_number":{"type":"string"}},"required":["order_number"]}""").RootElement,
                    Headers = new Dictionary<string, string> { ["Authorization"] = "env:ORDERS_TOKEN" },
                    PayloadArgsOnly = true,
                    TimeoutSeconds = 8,
                    Retries = 2,
                    ResponseCapChars = 4000,
                    SpeakDuringExecution = true,
                    SpeakAfterExecution = false,
                },
            ],
            ToolsEnabled = true,
            ResponseModality = "audio",
            ResponseType = AgentResponseType.Voice,
            McpServers =
            [
                new AgentMcpServer
                {
                    Url = "https://mcp.example.com/mcp",
                    Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer mcp-secret-123" },
                    AllowedTools = ["create_ticket", "search_docs"],
                    Timeout = 10,
                },
            ],
            PreemptiveGeneration = true,
            UserAwayTimeout = 15.5,
            InterruptionMode = AgentInterruptionMode.Adaptive,
            Interruptions = new AgentInterruptionSettings { MinDurationSeconds = 0.5, WordThreshold = 2 },
            EnableInterruptions = true,
            FalseInterruptionTimeout = 2.0,
            ResumeFalseInterruption = true,
            VadEagerness = "medium",
            VadType = "semantic_vad",
            VadThreshold = 0.5,
            VadPrefixPaddingMs = 300,
            VadSilenceDurationMs = 500,
            VadActivationThreshold = 0.6,
            VadDeactivationThreshold = 0.35,
            VadMinSilenceDurationMs = 550,
            VadMinSpeechDurationMs = 50,
            VadPrefixPaddingDurationMs = 200,
            TurnDetection = "multilingual",
            EndpointingMode = "dynamic",
            MinEndpointingDelay = 0.5,
            MaxEndpointingDelay = 3.0,
        },
        Audio = new AgentAudioSettings { SampleRate = 24000, NumChannels = 1 },
        WakeWord = new AgentWakeWordSettings { Enabled = true, Words = ["hey assistant", "ok meetstream"], Timeout = 30 },
        Avatar = new AgentAvatarSettings { Provider = AgentAvatarProvider.Anam, Enabled = true, AvatarId = "anam-avatar-7d1" },
    };

    /// <summary>The stored configuration as MeetStream echoes it (PascalCase top level, snake_case sections).</summary>
    public static JsonObject Echo(string id = "ac_7f3e2b", string name = "Sales Assistant") => new()
    {
        ["AgentConfigID"] = id,
        ["UserID"] = "user_19af",
        ["AgentName"] = name,
        ["Mode"] = "pipeline",
        ["Model"] = new JsonObject
        {
            ["provider"] = "openai",
            ["model"] = "gpt-4.1",
            ["system_prompt"] = "You help {{customer_name}} with pricing questions.",
            ["first_message"] = "Hi, I'm the AI assistant for this call.",
            ["temperature"] = 0.7,
            ["max_tokens"] = 512,
            ["max_token"] = 512,
            ["max_response_output_tokens"] = 1024,
            ["top_p"] = 0.9,
            ["frequency_penalty"] = 0.1,
            ["presence_penalty"] = 0.2,
            ["voice"] = "alloy",
            ["modalities"] = new JsonArray("audio", "text"),
            ["thinking_config"] = new JsonObject { ["include_thoughts"] = false, ["thinking_budget"] = 1024 },
            ["enable_affective_dialog"] = true,
            ["proactivity"] = true,
            ["disable_automatic_activity_detection"] = false,
        },
        ["Voice"] = new JsonObject { ["provider"] = "elevenlabs", ["model"] = "eleven_turbo_v2_5", ["voice_id"] = "21m00Tcm4TlvDq8ikWAM", ["speed"] = 1.1 },
        ["Transcriber"] = new JsonObject { ["provider"] = "deepgram", ["model"] = "nova-3", ["language"] = "en", ["boostwords"] = new JsonArray("MeetStream", "Kubernetes") },
        ["Agent"] = new JsonObject
        {
            ["tools"] = new JsonArray
            {
                "web_search",
                new JsonObject
                {
                    ["name"] = "lookup_order",
                    ["description"] = "Looks up an order by number.",
                    ["url"] = "https://api.example.com/tools/orders",
                    ["method"] = "POST",
                    ["parameters"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["order_number"] = new JsonObject { ["type"] = "string" } } },
                    ["headers"] = new JsonObject { ["Authorization"] = "env:ORDERS_TOKEN" },
                    ["payload_args_only"] = true,
                    ["timeout_s"] = 8,
                    ["retries"] = 2,
                    ["response_cap_chars"] = 4000,
                    ["speak_during_execution"] = true,
                    ["speak_after_execution"] = false,
                },
            },
            ["tools_enabled"] = true,
            ["response_modality"] = "audio",
            ["response_type"] = "voice",
            ["mcp_servers"] = new JsonArray
            {
                new JsonObject { ["url"] = "https://mcp.example.com/mcp", ["headers"] = new JsonObject { ["Authorization"] = "Bearer mcp-secret-123" }, ["allowed_tools"] = new JsonArray("create_ticket", "search_docs"), ["timeout"] = 10 },
            },
            ["preemptive_generation"] = true,
            ["user_away_timeout"] = 15.5,
            ["interruption_mode"] = "adaptive",
            ["interruptions"] = new JsonObject { ["min_duration_seconds"] = 0.5, ["word_threshold"] = 2 },
            ["enable_interruptions"] = true,
            ["false_interruption_timeout"] = 2.0,
            ["resume_false_interruption"] = true,
            ["vad_eagerness"] = "medium",
            ["vad_type"] = "semantic_vad",
            ["vad_threshold"] = 0.5,
            ["vad_prefix_padding_ms"] = 300,
            ["vad_silence_duration_ms"] = 500,
            ["vad_activation_threshold"] = 0.6,
            ["vad_deactivation_threshold"] = 0.35,
            ["vad_min_silence_duration_ms"] = 550,
            ["vad_min_speech_duration_ms"] = 50,
            ["vad_prefix_padding_duration_ms"] = 200,
            ["turn_detection"] = "multilingual",
            ["endpointing_mode"] = "dynamic",
            ["min_endpointing_delay"] = 0.5,
            ["max_endpointing_delay"] = 3.0,
        },
        ["Audio"] = new JsonObject { ["sample_rate"] = 24000, ["num_channels"] = 1 },
        ["Avatar"] = new JsonObject { ["provider"] = "anam", ["enabled"] = true, ["avatar_id"] = "anam-avatar-7d1" },
        ["WakeWord"] = new JsonObject { ["enabled"] = true, ["words"] = new JsonArray("hey assistant", "ok meetstream"), ["timeout"] = 30 },
        ["CreatedAt"] = "2026-11-21T10:15:30.123456",
        ["UpdatedAt"] = "2026-11-21T10:15:30.123456",
    };
}
