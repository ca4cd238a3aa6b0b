using BorderSecurity.Timeline;

return await TimelineApp.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
