using System.Text.Json.Serialization;

namespace MeetStream.Client.Redis.Sessions;

/// <summary>The source-generated JSON of the command and reply messages exchanged between replicas.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BotCommandMessage))]
[JsonSerializable(typeof(BotCommandReply))]
internal sealed partial class RedisSessionsJsonContext : JsonSerializerContext
{
}
