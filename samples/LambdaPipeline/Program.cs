using MeetStream.Client.Lambda;

#if LOCAL_DEMO
// `dotnet run` on a laptop (no AWS_LAMBDA_RUNTIME_API): the whole pipeline offline, see LocalDemo/LocalDemo.cs.
// Left out of every `dotnet publish`, so the deployed bootstrap is only the three lines below.
if (LambdaPipeline.LocalDemo.ShouldRun())
{
    return await LambdaPipeline.LocalDemo.RunAsync(args);
}
#endif

// One executable, four functions: MEETSTREAM_FUNCTION (or _HANDLER) = webhook | calendar-trigger | transcript | keyword-alerts.
// The init phase builds only the chosen function's clients; LambdaHost then serves invocations until Lambda freezes
// or ends the execution environment. The same code runs JIT on dotnet8/dotnet10 and as a Native AOT bootstrap.
return await LambdaHost.RunAsync(
    cancellationToken => MeetStreamPipeline.CreateFunctionAsync(MeetStreamPipeline.ResolveFunctionName(), cancellationToken: cancellationToken));
