using System.Buffers;
using System.Text.Json;
using MeetStream.Client.Redis.Configuration;
using MeetStream.Client.Webhooks;
using StackExchange.Redis;

namespace MeetStream.Client.Redis.StatusWaiters;

/// <summary>
/// The fan-out message: the publishing replica's id, a newline, then a minimal webhook body (<c>event</c>,
/// <c>bot_event</c>, <c>bot_id</c>, <c>bot_status</c>) that <see cref="WebhookParser"/> reads back into an event of
/// the same type, so the receiving <see cref="BotStatusWaiter"/> sees what the sending one saw.
/// </summary>
internal static class StatusMessage
{
    public static RedisChannel Channel(RedisConnection connection) => RedisChannel.Literal(connection.Options.KeyPrefix + "bot-status");

    public static byte[] Write(string replicaId, WebhookEvent webhookEvent)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        buffer.Write(System.Text.Encoding.UTF8.GetBytes(replicaId));
        buffer.Write("\n"u8);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (webhookEvent.Event is { } name)
            {
                writer.WriteString("event", name);
            }

            if (webhookEvent.BotEvent is { } botEvent)
            {
                writer.WriteString("bot_event", botEvent);
            }

            writer.WriteString("bot_id", webhookEvent.BotId);
            if (webhookEvent is BotLifecycleEvent { BotStatus: { } status } && status.Value.Length > 0)
            {
                writer.WriteString("bot_status", status.Value);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static bool TryRead(ReadOnlySpan<byte> message, out string replicaId, out WebhookEvent? webhookEvent)
    {
        replicaId = string.Empty;
        webhookEvent = null;
        var newline = message.IndexOf((byte)'\n');
        if (newline <= 0)
        {
            return false;
        }

        replicaId = System.Text.Encoding.UTF8.GetString(message[..newline]);
        return WebhookParser.TryParse(message[(newline + 1)..], out webhookEvent, out _);
    }
}
