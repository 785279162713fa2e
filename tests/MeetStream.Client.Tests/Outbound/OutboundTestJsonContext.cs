using System.Text.Json.Serialization;

namespace MeetStream.Client.Tests.Outbound;

/// <summary>A payload another system receives in the outbound sink tests.</summary>
public sealed record AlertPayload(string Text, int Count);

/// <summary>Source-generated metadata for the outbound test payloads, as the sink requires.</summary>
[JsonSerializable(typeof(AlertPayload))]
public sealed partial class OutboundTestJsonContext : JsonSerializerContext;
