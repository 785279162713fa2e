using System.Globalization;
using StackExchange.Redis;

namespace MeetStream.Client.Redis.Inbox;

/// <summary>The field names of an inbox or dead-letter stream entry, and how to read them.</summary>
internal static class RedisInboxFields
{
    public const string Body = "body";
    public const string ReceivedAt = "received";
    public const string EventType = "event";
    public const string HeaderPrefix = "h:";
    public const string OriginalId = "dl:id";
    public const string DeadLetteredAt = "dl:at";
    public const string DeliveryCount = "dl:count";
    public const string Reason = "dl:reason";

    public static RedisValue Get(NameValueEntry[] values, string name)
    {
        foreach (var entry in values)
        {
            if (entry.Name == name)
            {
                return entry.Value;
            }
        }

        return RedisValue.Null;
    }

    public static DateTimeOffset GetTime(NameValueEntry[] values, string name) =>
        long.TryParse((string?)Get(values, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : default;

    public static string Time(DateTimeOffset time) => time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
}
