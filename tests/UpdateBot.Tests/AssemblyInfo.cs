// Host tests boot whole bots that read process-wide configuration (environment, working directory): one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
