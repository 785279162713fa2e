using System.Text;
using System.Text.Json.Serialization;
using MeetStream.Client.Lambda.Tests.Infrastructure;

namespace MeetStream.Client.Lambda.Tests.Hosting;

/// <summary>The typed JSON base class and the Stream-in/Stream-out class-library entry point.</summary>
[Collection(nameof(RuntimeHostCollection))]
public sealed class EntryPointTests
{
    [Fact]
    public async Task LambdaJsonFunction_ThroughHost_ReadsAndWritesTypedJson()
    {
        await using var host = await HostHarness.StartAsync(new GreetFunction());

        var outcome = await host.Api.Enqueue("{\"name\":\"Ada\"}").Outcome;

        Assert.False(outcome.IsError);
        Assert.Equal("{\"greeting\":\"Hello, Ada\"}", outcome.Text);
    }

    [Fact]
    public async Task LambdaJsonFunction_MalformedEvent_ReportsLambdaEventException()
    {
        await using var host = await HostHarness.StartAsync(new GreetFunction());

        var outcome = await host.Api.Enqueue("{\"name\":").Outcome;

        Assert.True(outcome.IsError);
        Assert.Equal("MeetStream.Client.Lambda.LambdaEventException", outcome.Json!["errorType"]!.GetValue<string>());
        Assert.StartsWith("The event is not a JSON GreetInput", outcome.Json!["errorMessage"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LambdaJsonFunction_JsonNullEvent_ThrowsLambdaEventException()
    {
        var context = new LambdaContext("req-1", DateTimeOffset.UtcNow.AddMinutes(1));

        var error = await Assert.ThrowsAsync<LambdaEventException>(() => new GreetFunction().InvokeAsync("null"u8.ToArray(), context, TestContext.Current.CancellationToken));

        Assert.Contains("empty or JSON null", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamEntryPoint_HandleAsync_ReturnsResultStreamAtPositionZero()
    {
        var entry = new GreetEntryPoint();

        await using var output = await entry.HandleAsync(new MemoryStream("{\"name\":\"Grace\"}"u8.ToArray()));

        Assert.Equal(0, output.Position);
        Assert.Equal("{\"greeting\":\"Hello, Grace\"}", await new StreamReader(output).ReadToEndAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task StreamEntryPoint_TwoInvocations_CreatesTheFunctionOnce()
    {
        var entry = new GreetEntryPoint();

        await entry.HandleAsync(new MemoryStream("{\"name\":\"a\"}"u8.ToArray()));
        await entry.HandleAsync(new MemoryStream("{\"name\":\"b\"}"u8.ToArray()));

        Assert.Equal(1, entry.Created);
    }

    [Fact]
    public async Task StreamEntryPoint_InitFails_RetriesInitOnTheNextInvocation()
    {
        var entry = new GreetEntryPoint { FailFirstInit = true };

        await Assert.ThrowsAsync<InvalidOperationException>(() => entry.HandleAsync(new MemoryStream("{\"name\":\"a\"}"u8.ToArray())));
        await using var output = await entry.HandleAsync(new MemoryStream("{\"name\":\"b\"}"u8.ToArray()));

        Assert.Equal(2, entry.Created);
        Assert.Equal("{\"greeting\":\"Hello, b\"}", Encoding.UTF8.GetString(((MemoryStream)output).ToArray()));
    }

    [Fact]
    public async Task StreamEntryPoint_Context_HasEmptyRequestIdAndTimeoutDeadline()
    {
        var entry = new ContextEntryPoint();

        await using var output = await entry.HandleAsync(new MemoryStream("{}"u8.ToArray()));

        Assert.Equal(string.Empty, entry.Seen!.RequestId);
        Assert.InRange(entry.Seen.RemainingTime, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(7));
    }
}

public sealed class GreetInput
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }
}

public sealed class GreetOutput
{
    [JsonPropertyName("greeting")]
    public required string Greeting { get; init; }
}

[JsonSerializable(typeof(GreetInput))]
[JsonSerializable(typeof(GreetOutput))]
internal sealed partial class TestJsonContext : JsonSerializerContext;

public sealed class GreetFunction() : LambdaJsonFunction<GreetInput, GreetOutput>(TestJsonContext.Default.GreetInput, TestJsonContext.Default.GreetOutput)
{
    public override Task<GreetOutput> HandleAsync(GreetInput input, LambdaContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(new GreetOutput { Greeting = "Hello, " + input.Name });
}

public sealed class GreetEntryPoint : LambdaStreamEntryPoint
{
    private int _created;

    public int Created => _created;

    public bool FailFirstInit { get; init; }

    protected override Task<ILambdaFunction> CreateFunctionAsync(CancellationToken cancellationToken) =>
        Interlocked.Increment(ref _created) == 1 && FailFirstInit
            ? throw new InvalidOperationException("first init fails")
            : Task.FromResult<ILambdaFunction>(new GreetFunction());
}

public sealed class ContextEntryPoint : LambdaStreamEntryPoint
{
    public LambdaContext? Seen { get; private set; }

    protected override TimeSpan InvocationTimeout => TimeSpan.FromSeconds(7);

    protected override Task<ILambdaFunction> CreateFunctionAsync(CancellationToken cancellationToken) =>
        Task.FromResult<ILambdaFunction>(new DelegateFunction((payload, context, _) =>
        {
            Seen = context;
            return Task.FromResult(payload);
        }));
}
