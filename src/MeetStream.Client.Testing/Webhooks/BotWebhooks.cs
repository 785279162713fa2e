using System.Text;
using System.Text.Json.Nodes;

namespace MeetStream.Client.Testing;

/// <summary>
/// Builds and sends a bot's webhooks: lifecycle and post-call events to its callback_url (unsigned) and to the
/// workspace endpoints (signed), and single deliveries to live-transcript, real-time and transcribe URLs.
/// </summary>
internal sealed class BotWebhooks
{
    private readonly SimulatorEngine _engine;
    private readonly WebhookDispatcher _dispatcher;
    private readonly List<SimulatorWebhookEndpoint> _workspaceWebhooks;

    public BotWebhooks(SimulatorEngine engine, WebhookDispatcher dispatcher)
    {
        _engine = engine;
        _dispatcher = dispatcher;
        _workspaceWebhooks = [.. engine.Options.WorkspaceWebhooks];
    }

    public void AddWorkspaceWebhook(SimulatorWebhookEndpoint endpoint)
    {
        lock (_engine.Gate)
        {
            _workspaceWebhooks.Add(endpoint);
        }
    }

    /// <summary>The common fields of a lifecycle event (event, bot_event, bot_id, bot_status, message, status_code, …).</summary>
    public JsonObject LifecyclePayload(SimBot bot, string generic, string? specific, string? botStatus, string message, int? statusCode, bool withCustomAttributes = true, bool withTimestamp = true)
    {
        var payload = new JsonObject { ["event"] = generic };
        if (specific is not null)
        {
            payload["bot_event"] = specific;
        }

        payload["bot_id"] = bot.Id;
        if (botStatus is not null)
        {
            payload["bot_status"] = botStatus;
        }

        payload["message"] = message;
        if (statusCode is { } code)
        {
            payload["status_code"] = code;
        }

        if (withTimestamp)
        {
            payload["timestamp"] = Json.Iso(_engine.Now);
        }

        if (withCustomAttributes)
        {
            payload["custom_attributes"] = bot.CustomAttributes.DeepClone();
        }

        return payload;
    }

    /// <summary>Sends a lifecycle or post-call event to the bot's callback_url (unsigned) and to workspace endpoints (signed).</summary>
    public void EmitLifecycle(SimBot bot, JsonObject payload, string generic, string? specific)
    {
        bot.Events.Add(specific ?? generic);
        var now = _engine.Now;
        var body = Encoding.UTF8.GetBytes(payload.ToJsonString());
        var copies = bot.DuplicateWebhooks || _engine.Options.DuplicateWebhooks ? 2 : 1;
        for (var copy = 0; copy < copies; copy++)
        {
            if (bot.CallbackUrl is { } callback)
            {
                _dispatcher.Enqueue(new WebhookDelivery(SimulatorWebhookChannel.Callback, callback, body, bot.Id, generic, specific, now, null, copy > 0));
            }

            foreach (var endpoint in _workspaceWebhooks)
            {
                if (endpoint.Wants(generic, specific))
                {
                    _dispatcher.Enqueue(new WebhookDelivery(SimulatorWebhookChannel.Workspace, endpoint.Url, body, bot.Id, generic, specific, now, endpoint.SigningSecret, copy > 0));
                }
            }
        }
    }

    /// <summary>Sends one event to one URL (live transcript, real-time endpoint, transcribe callback).</summary>
    public void EmitTo(SimulatorWebhookChannel channel, string url, SimBot bot, JsonObject payload, string eventName, string? botEvent = null) =>
        _dispatcher.Enqueue(new WebhookDelivery(channel, url, Encoding.UTF8.GetBytes(payload.ToJsonString()), bot.Id, eventName, botEvent, _engine.Now, null, false));
}
