using UpdateBot.Cli;

return await BotCli.RunAsync(args, Console.Out, Console.Error);
