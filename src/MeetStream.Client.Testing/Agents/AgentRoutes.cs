using System.Text.Json.Nodes;

namespace MeetStream.Client.Testing;

/// <summary>MIA agent configurations (§2.9): one path, four methods, a PascalCase stored echo.</summary>
internal sealed class AgentRoutes(AgentStore agents, SimulatorClock clock, string userId)
{
    private static readonly (string Request, string Echo)[] AgentSections =
    [
        ("model", "Model"), ("voice", "Voice"), ("transcriber", "Transcriber"), ("agent", "Agent"), ("audio", "Audio"), ("wake_word", "WakeWord"), ("avatar", "Avatar"),
    ];

    public ApiResult Create(ApiCall call)
    {
        var body = call.Body();
        var name = Json.RequiredStr(body, "agent_name", "the agent's name");
        var mode = Json.RequiredStr(body, "mode", "\"pipeline\" or \"realtime\"");
        ValidateAgent(body, mode, creating: true);
        var id = SimulatorIds.NewId();
        var now = clock.UtcNow;
        var config = new JsonObject
        {
            ["AgentConfigID"] = id,
            ["UserID"] = userId,
            ["AgentName"] = name,
            ["Mode"] = mode,
        };
        CopySections(body, config);
        config["CreatedAt"] = Json.Iso(now);
        config["UpdatedAt"] = Json.Iso(now);
        agents.Add(id, config);
        return ApiResult.Created(new JsonObject { ["message"] = "Agent configuration created successfully", ["agent_config_id"] = id, ["agent_config"] = config.DeepClone() });
    }

    public ApiResult Get(ApiCall call)
    {
        if (call.Query("agent_config_id") is { } id)
        {
            return ApiResult.Ok(new JsonObject { ["agent_config"] = agents.Find(id).DeepClone() });
        }

        var configs = agents.All.Select(c => c.DeepClone()).ToList();
        return ApiResult.Ok(new JsonObject { ["agent_configs"] = Json.Array(configs), ["count"] = configs.Count });
    }

    public ApiResult Update(ApiCall call)
    {
        var body = call.Body();
        var id = Json.RequiredStr(body, "agent_config_id", "the id of the configuration to update");
        var config = agents.Find(id);
        var mode = Json.Str(body, "mode") ?? Json.Str(config, "Mode") ?? "pipeline";
        ValidateAgent(body, mode, creating: false);
        if (Json.Str(body, "agent_name") is { } name)
        {
            config["AgentName"] = name;
        }

        config["Mode"] = mode;
        CopySections(body, config);
        config["UpdatedAt"] = Json.Iso(clock.UtcNow);
        return ApiResult.Ok(new JsonObject { ["message"] = "Agent configuration updated successfully", ["agent_config"] = config.DeepClone() });
    }

    public ApiResult Delete(ApiCall call)
    {
        var id = call.Query("agent_config_id");
        if (string.IsNullOrWhiteSpace(id))
        {
            throw ApiError.BadRequest("The agent_config_id query parameter is required: DELETE /mia?agent_config_id=<id>");
        }

        agents.Find(id);
        agents.Remove(id);
        return ApiResult.Ok(new JsonObject { ["message"] = "Agent configuration deleted successfully" });
    }

    private static void ValidateAgent(JsonObject body, string mode, bool creating)
    {
        if (mode is not ("pipeline" or "realtime"))
        {
            throw ApiError.BadRequest($"mode must be \"pipeline\" or \"realtime\"; got '{mode}'");
        }

        var model = Json.Obj(body, "model");
        if (model is null)
        {
            if (creating)
            {
                throw ApiError.BadRequest("model is required: an object with provider and system_prompt");
            }

            return;
        }

        var provider = Json.RequiredStr(model, "provider", "model.provider");
        var allowed = mode == "pipeline" ? new[] { "openai", "anthropic" } : ["openai", "xai", "google"];
        if (!allowed.Contains(provider, StringComparer.Ordinal))
        {
            throw ApiError.BadRequest($"model.provider '{provider}' is not supported in {mode} mode; use {string.Join(", ", allowed)}");
        }

        if (string.IsNullOrWhiteSpace(Json.Str(model, "system_prompt")))
        {
            throw ApiError.BadRequest("model.system_prompt is required");
        }

        if (mode == "pipeline" && string.IsNullOrWhiteSpace(Json.Str(model, "model")))
        {
            throw ApiError.BadRequest("model.model is required in pipeline mode (e.g. gpt-4.1-mini)");
        }

        if (mode == "realtime" && string.IsNullOrWhiteSpace(Json.Str(model, "voice")))
        {
            throw ApiError.BadRequest("model.voice is required in realtime mode (e.g. alloy)");
        }

        if (Json.Number(model, "temperature") is < 0 or > 2)
        {
            throw ApiError.BadRequest("model.temperature must be between 0 and 2");
        }

        if (mode == "pipeline" && creating && Json.Obj(body, "voice") is { } voice && string.IsNullOrWhiteSpace(Json.Str(voice, "voice_id")))
        {
            throw ApiError.BadRequest("voice.voice_id is required");
        }

        if ((Json.Obj(body, "avatar") ?? Json.Obj(body, "Avatar")) is { } avatar && Json.Bool(avatar, "enabled") == true && string.IsNullOrWhiteSpace(Json.Str(avatar, "avatar_id")))
        {
            throw ApiError.BadRequest("avatar.avatar_id is required when the avatar is enabled");
        }
    }

    private static void CopySections(JsonObject body, JsonObject config)
    {
        foreach (var (request, echo) in AgentSections)
        {
            var section = Json.Obj(body, request) ?? Json.Obj(body, echo);
            if (section is not null)
            {
                config[echo] = section.DeepClone();
            }
        }
    }
}
