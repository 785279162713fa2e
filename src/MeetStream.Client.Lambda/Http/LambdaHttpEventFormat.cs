namespace MeetStream.Client.Lambda;

/// <summary>Which HTTP event shape a request arrived in; the response is written in the matching shape.</summary>
public enum LambdaHttpEventFormat
{
    /// <summary>API Gateway REST API proxy integration, payload format 1.0 (also HTTP APIs configured for 1.0).</summary>
    ApiGatewayV1,

    /// <summary>API Gateway HTTP API, payload format 2.0.</summary>
    HttpApiV2,

    /// <summary>Lambda Function URL (the 2.0 shape with <c>$default</c> route and a <c>lambda-url</c> host).</summary>
    FunctionUrl,
}
