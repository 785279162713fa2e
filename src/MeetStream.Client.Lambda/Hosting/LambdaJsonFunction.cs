using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace MeetStream.Client.Lambda;

/// <summary>
/// Base for functions whose event and result are JSON documents of known types (direct invokes, EventBridge
/// Scheduler, DynamoDB Streams). Reads and writes through source-generated <see cref="JsonTypeInfo{T}"/>, so it
/// stays trimming and Native AOT safe.
/// </summary>
/// <typeparam name="TInput">The event type.</typeparam>
/// <typeparam name="TOutput">The result type.</typeparam>
public abstract class LambdaJsonFunction<TInput, TOutput> : ILambdaFunction
{
    private readonly JsonTypeInfo<TInput> _inputType;
    private readonly JsonTypeInfo<TOutput> _outputType;

    /// <summary>Initializes the function with the source-generated metadata of its event and result.</summary>
    /// <param name="inputType">Metadata of <typeparamref name="TInput"/> from a <c>JsonSerializerContext</c>.</param>
    /// <param name="outputType">Metadata of <typeparamref name="TOutput"/> from a <c>JsonSerializerContext</c>.</param>
    protected LambdaJsonFunction(JsonTypeInfo<TInput> inputType, JsonTypeInfo<TOutput> outputType)
    {
        ArgumentNullException.ThrowIfNull(inputType);
        ArgumentNullException.ThrowIfNull(outputType);
        _inputType = inputType;
        _outputType = outputType;
    }

    /// <summary>Handles one typed event.</summary>
    /// <param name="input">The event.</param>
    /// <param name="context">The invocation's request id, deadline and trace id.</param>
    /// <param name="cancellationToken">Cancelled shortly before the deadline.</param>
    /// <returns>The result, serialized as JSON for the caller.</returns>
    public abstract Task<TOutput> HandleAsync(TInput input, LambdaContext context, CancellationToken cancellationToken = default);

    /// <inheritdoc />
    /// <exception cref="LambdaEventException">The payload is not JSON of <typeparamref name="TInput"/>.</exception>
    public async Task<ReadOnlyMemory<byte>> InvokeAsync(ReadOnlyMemory<byte> payload, LambdaContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        TInput? input;
        try
        {
            input = payload.IsEmpty ? default : JsonSerializer.Deserialize(payload.Span, _inputType);
        }
        catch (JsonException ex)
        {
            throw new LambdaEventException($"The event is not a JSON {typeof(TInput).Name}: {ex.Message}", ex);
        }

        if (input is null)
        {
            throw new LambdaEventException($"The event is empty or JSON null; {GetType().Name} expects a JSON {typeof(TInput).Name}.");
        }

        var output = await HandleAsync(input, context, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.SerializeToUtf8Bytes(output, _outputType);
    }
}
