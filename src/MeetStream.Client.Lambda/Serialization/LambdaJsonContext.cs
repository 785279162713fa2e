using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Lambda.Functions;
using MeetStream.Client.Lambda.Hosting;
using MeetStream.Client.Lambda.Secrets;

namespace MeetStream.Client.Lambda.Serialization;

/// <summary>
/// The package's source-generated JSON context (no reflection: trimming and Native AOT safe): Runtime API
/// documents, API Gateway and Function URL events, DynamoDB Streams records and the pipeline's own inputs.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(LambdaErrorReport))]
[JsonSerializable(typeof(ApiGatewayProxyRequest))]
[JsonSerializable(typeof(ApiGatewayProxyResponse))]
[JsonSerializable(typeof(HttpApiRequest))]
[JsonSerializable(typeof(HttpApiResponse))]
[JsonSerializable(typeof(CalendarTriggerEvent))]
[JsonSerializable(typeof(CalendarTriggerResult))]
[JsonSerializable(typeof(TranscriptRunResult))]
[JsonSerializable(typeof(WebhookFunctionResponse))]
[JsonSerializable(typeof(KeywordAlertFunctionResponse))]
[JsonSerializable(typeof(KeywordAlertMessage))]
[JsonSerializable(typeof(KeywordFileEntry[]))]
[JsonSerializable(typeof(MeetingAnalyticsDocument))]
[JsonSerializable(typeof(DynamoDbStreamEvent))]
[JsonSerializable(typeof(SecretValueResponse))]
[JsonSerializable(typeof(ParameterResponse))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class LambdaJsonContext : JsonSerializerContext
{
}
