using UpdateBot.Benchmarks.Delivery;

// A small dispatcher: each verb lives in its own folder (Delivery/, ...).
return args.FirstOrDefault() switch
{
    "fanout" => await FanoutBenchmark.RunAsync(args[1..]),
    "crash" => await CrashBenchmark.RunAsync(args[1..]),
    "memory" => await MemoryBenchmark.RunAsync(args[1..]),
    DeliveryChild.Verb => await DeliveryChild.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: UpdateBot.Benchmarks <verb> [options]
          fanout --platform telegram|discord --destinations N   one entry to N chats through the real engine and adapter
          crash --platform telegram|discord --destinations N --kills K   SIGKILL the bot K times during a fan-out
          memory --subscriptions N                               peak RSS of the bot fanning out to N subscriptions
        """);
    return 2;
}
