using System.Text.Json.Serialization;

namespace MeetStream.Client.Lambda.Secrets;

/// <summary>The Secrets Manager <c>GetSecretValue</c> document the extension returns (fields used here).</summary>
internal sealed class SecretValueResponse
{
    [JsonPropertyName("SecretString")]
    public string? SecretString { get; init; }

    [JsonPropertyName("Name")]
    public string? Name { get; init; }
}

/// <summary>The Systems Manager <c>GetParameter</c> document the extension returns.</summary>
internal sealed class ParameterResponse
{
    [JsonPropertyName("Parameter")]
    public ParameterValue? Parameter { get; init; }
}

/// <summary>The parameter inside <see cref="ParameterResponse"/>.</summary>
internal sealed class ParameterValue
{
    [JsonPropertyName("Name")]
    public string? Name { get; init; }

    [JsonPropertyName("Value")]
    public string? Value { get; init; }
}
