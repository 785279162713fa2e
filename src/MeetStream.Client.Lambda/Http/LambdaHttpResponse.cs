using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace MeetStream.Client.Lambda;

/// <summary>
/// An HTTP response for API Gateway or a Function URL, written by <see cref="LambdaHttpEvents.SerializeResponse"/> in
/// the shape the request arrived in. Text bodies (JSON, XML, <c>text/*</c>, forms) are sent as text, others as base64.
/// </summary>
public sealed class LambdaHttpResponse
{
    /// <summary>Gets or sets the HTTP status.</summary>
    public int StatusCode { get; set; } = 200;

    /// <summary>Gets the response headers; names are case-insensitive.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the <c>Set-Cookie</c> values.</summary>
    public IList<string> Cookies { get; } = new List<string>();

    /// <summary>Gets or sets the body bytes.</summary>
    public ReadOnlyMemory<byte> Body { get; set; }

    /// <summary>Creates a response without a body.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <returns>The response.</returns>
    public static LambdaHttpResponse Empty(int statusCode) => new() { StatusCode = statusCode };

    /// <summary>Creates a <c>text/plain</c> response.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="text">The body.</param>
    /// <returns>The response.</returns>
    public static LambdaHttpResponse Text(int statusCode, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var response = new LambdaHttpResponse { StatusCode = statusCode, Body = Encoding.UTF8.GetBytes(text) };
        response.Headers["Content-Type"] = "text/plain; charset=utf-8";
        return response;
    }

    /// <summary>Creates an <c>application/json</c> response from a value and its source-generated metadata.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="value">The value.</param>
    /// <param name="typeInfo">Metadata from a <c>JsonSerializerContext</c>.</param>
    /// <returns>The response.</returns>
    public static LambdaHttpResponse Json<T>(int statusCode, T value, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        var response = new LambdaHttpResponse { StatusCode = statusCode, Body = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo) };
        response.Headers["Content-Type"] = "application/json";
        return response;
    }
}
