using MeetStream.Client.Lambda;

// One executable, three functions: MEETSTREAM_FUNCTION (or _HANDLER) = webhook | calendar-trigger | transcript.
// The init phase builds only the chosen function's clients; LambdaHost then serves invocations until Lambda freezes
// or ends the execution environment. The same code runs JIT on dotnet8/dotnet10 and as a Native AOT bootstrap.
return await LambdaHost.RunAsync(
    cancellationToken => MeetStreamPipeline.CreateFunctionAsync(MeetStreamPipeline.ResolveFunctionName(), cancellationToken: cancellationToken));
