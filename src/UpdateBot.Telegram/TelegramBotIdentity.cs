namespace UpdateBot.Telegram;

/// <summary>Who the bot is (from getMe at start-up): its username decides which "/cmd@Name" commands are ours.</summary>
internal sealed class TelegramBotIdentity
{
    private readonly TaskCompletionSource<(long Id, string Username)> known = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsKnown => known.Task.IsCompletedSuccessfully;

    public long Id => IsKnown ? known.Task.Result.Id : 0;

    public string Username => IsKnown ? known.Task.Result.Username : "";

    public void Set(long id, string username) => known.TrySetResult((id, username));

    public Task WaitAsync(CancellationToken cancellationToken) => known.Task.WaitAsync(cancellationToken);
}
