using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace UpdateBot.StandIns.Telegram;

/// <summary>
/// A Telegram Bot API server on loopback (Kestrel), faithful to ../shared/docs/protocols.md §4–6: /bot{token}/{method}
/// over GET or POST with query, form, multipart or JSON parameters; HTTP status equal to error_code; 429 with
/// retry_after and Retry-After when the broadcast limits are exceeded; parse_mode compared case-insensitively; HTML
/// checked like Telegram ("can't parse entities"); the 4,096 and 1,024 limits; getUpdates long polls capped at 50 s
/// with offset confirmation and 409 for a second poller; 401 for a wrong token; 403 for blocked or kicked chats;
/// migrate_to_chat_id for upgraded groups. Tests play users through it and read what the bot sent.
/// </summary>
public sealed partial class TelegramStandIn : IAsyncDisposable
{
    // Like the real server: apostrophes and non-ASCII text as they are, not as \u escapes.
    private static readonly JsonSerializerOptions ResponseJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly WebApplication app;
    private readonly TelegramStandInOptions options;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private readonly Dictionary<long, StandInChat> chats = [];
    private readonly UpdateQueue updates;
    private readonly BroadcastLimiter limiter;
    private readonly List<RecordedRequest> requests = [];
    private readonly List<CallbackAnswer> answers = [];
    private readonly Dictionary<string, bool> openQueries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<ForcedFailure>> failures = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, JsonArray> commandMenus = new(StringComparer.Ordinal);
    private readonly HashSet<string> refusedPhotos = new(StringComparer.Ordinal);
    private long sequence;
    private int sentCount;
    private int limitedCount;
    private int nextQuery = 1;
    private string? webhookUrl;
    private string? webhookSecret;

    private TelegramStandIn(WebApplication app, TelegramStandInOptions options, TimeProvider time)
    {
        this.app = app;
        this.options = options;
        this.time = time;
        updates = new UpdateQueue(time);
        limiter = new BroadcastLimiter(time);
        Limits = options.Limits;
        BaseUrl = "";
    }

    /// <summary>"http://127.0.0.1:PORT": give it to the bot as ApiBaseUrl.</summary>
    public string BaseUrl { get; private set; }

    public string Token => options.Token;

    public string BotUsername => options.BotUsername;

    public long BotId => options.BotId;

    /// <summary>The limits enforced from now on (can be changed while running).</summary>
    public TelegramStandInLimits Limits { get; set; }

    /// <summary>Messages accepted (sendMessage, sendPhoto, sendVenue, sendLocation).</summary>
    public int SentCount
    {
        get
        {
            lock (gate)
            {
                return sentCount;
            }
        }
    }

    /// <summary>429 answers given because a limit was exceeded (forced failures not counted).</summary>
    public int TooManyRequestsCount
    {
        get
        {
            lock (gate)
            {
                return limitedCount;
            }
        }
    }

    /// <summary>getUpdates calls ended by a newer concurrent getUpdates (409).</summary>
    public int GetUpdatesConflicts => updates.Conflicts;

    public int GetUpdatesCalls => updates.Polls;

    /// <summary>Updates not yet confirmed by the bot (confirmation = a later getUpdates with a higher offset).</summary>
    public int UnconfirmedUpdates => updates.PendingCount;

    public string? WebhookUrl
    {
        get
        {
            lock (gate)
            {
                return webhookUrl;
            }
        }
    }

    public string? WebhookSecret
    {
        get
        {
            lock (gate)
            {
                return webhookSecret;
            }
        }
    }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (gate)
            {
                return requests.ToList();
            }
        }
    }

    public IReadOnlyList<CallbackAnswer> CallbackAnswers
    {
        get
        {
            lock (gate)
            {
                return answers.ToList();
            }
        }
    }

    public static async Task<TelegramStandIn> StartAsync(TelegramStandInOptions? options = null, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        options ??= new TelegramStandInOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var standIn = new TelegramStandIn(app, options, time ?? TimeProvider.System);
        app.Run(standIn.HandleAsync);
        await app.StartAsync(cancellationToken);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        standIn.BaseUrl = addresses.Addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        return standIn;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    // ---- Chats -------------------------------------------------------------------------------------------------

    /// <summary>Introduces a chat; its type is guessed from the id when not given (positive private, -100… supergroup).</summary>
    public void AddChat(long chatId, string? type = null, string? title = null)
    {
        lock (gate)
        {
            Chat(chatId, type, title);
        }
    }

    /// <summary>"creator", "administrator", "member", "restricted", "left" or "kicked".</summary>
    public void SetMemberStatus(long chatId, long userId, string status)
    {
        lock (gate)
        {
            Chat(chatId).Members[userId] = status;
        }
    }

    /// <summary>The user blocked the bot: sends fail with 403, and the bot gets a my_chat_member update.</summary>
    public int Block(long chatId)
    {
        lock (gate)
        {
            var chat = Chat(chatId);
            chat.Blocked = true;
            return updates.Add(new JsonObject { ["my_chat_member"] = MemberUpdate(chat, chatId, "kicked") });
        }
    }

    /// <summary>The bot was removed from a group: sends fail with 403 "bot was kicked".</summary>
    public void Kick(long chatId)
    {
        lock (gate)
        {
            Chat(chatId).Kicked = true;
        }
    }

    /// <summary>The group became a supergroup: the old id answers 400 with migrate_to_chat_id, and the service message arrives.</summary>
    public int Migrate(long groupId, long supergroupId)
    {
        lock (gate)
        {
            var old = Chat(groupId, "group");
            old.MigratedTo = supergroupId;
            var moved = Chat(supergroupId, "supergroup", old.Title);
            foreach (var (user, status) in old.Members)
            {
                moved.Members[user] = status;
            }

            var message = UserMessage(old, options.BotId + 1, text: null);
            message["migrate_to_chat_id"] = supergroupId;
            return updates.Add(new JsonObject { ["message"] = message });
        }
    }

    /// <summary>Photos at this URL are refused like an unreachable picture ("wrong file identifier/HTTP URL specified").</summary>
    public void RefusePhoto(string url)
    {
        lock (gate)
        {
            refusedPhotos.Add(url);
        }
    }

    /// <summary>The next call of <paramref name="method"/> fails with this error (queued; one per call).</summary>
    public void FailNext(string method, int errorCode, string description, int? retryAfter = null, long? migrateTo = null)
    {
        lock (gate)
        {
            if (!failures.TryGetValue(method, out var queue))
            {
                failures[method] = queue = new Queue<ForcedFailure>();
            }

            queue.Enqueue(new ForcedFailure(errorCode, description, retryAfter, migrateTo));
        }
    }

    // ---- Users -------------------------------------------------------------------------------------------------

    /// <summary>A user writes in a chat (a command when it starts with '/'). Returns the update id.</summary>
    public int SendText(long chatId, long userId, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (gate)
        {
            var chat = Chat(chatId);
            return updates.Add(new JsonObject { ["message"] = UserMessage(chat, userId, text) });
        }
    }

    /// <summary>A user shares a location.</summary>
    public int ShareLocation(long chatId, long userId, double latitude, double longitude)
    {
        lock (gate)
        {
            var message = UserMessage(Chat(chatId), userId, text: null);
            message["location"] = new JsonObject { ["latitude"] = latitude, ["longitude"] = longitude };
            return updates.Add(new JsonObject { ["message"] = message });
        }
    }

    /// <summary>An admin posts in a channel (channel_post: no "from", sender_chat is the channel).</summary>
    public int PostInChannel(long channelId, string text)
    {
        lock (gate)
        {
            var chat = Chat(channelId, "channel");
            var message = UserMessage(chat, 0, text);
            message.Remove("from");
            message["sender_chat"] = ChatJson(chat);
            return updates.Add(new JsonObject { ["channel_post"] = message });
        }
    }

    /// <summary>A user presses an inline button under a message the bot sent. Returns the update id.</summary>
    public int PressButton(long chatId, long userId, int messageId, string data)
    {
        lock (gate)
        {
            var chat = Chat(chatId);
            var message = chat.Messages.LastOrDefault(m => m.MessageId == messageId && !m.Deleted)
                ?? throw new InvalidOperationException($"The bot sent no message {messageId} in chat {chatId}.");
            if (!message.ButtonData.Contains(data, StringComparer.Ordinal))
            {
                throw new InvalidOperationException($"Message {messageId} in chat {chatId} has no button with data '{data}'.");
            }

            var id = "cq" + nextQuery++;
            openQueries[id] = false;
            var query = new JsonObject
            {
                ["id"] = id,
                ["from"] = UserJson(userId),
                ["message"] = MessageJson(chat, message),
                ["chat_instance"] = "ci" + chatId,
                ["data"] = data,
            };
            return updates.Add(new JsonObject { ["callback_query"] = query });
        }
    }

    /// <summary>Any update, as JSON without update_id (it is assigned). Returns the update id.</summary>
    public int InjectUpdate(JsonObject update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return updates.Add(update);
    }

    // ---- Observations ------------------------------------------------------------------------------------------

    /// <summary>Every message the bot sent to a chat, in order, deleted ones included (see <see cref="StandInMessage.Deleted"/>).</summary>
    public IReadOnlyList<StandInMessage> MessagesIn(long chatId)
    {
        lock (gate)
        {
            return chats.TryGetValue(chatId, out var chat) ? chat.Messages.ToList() : [];
        }
    }

    public IReadOnlyList<StandInMessage> AllMessages
    {
        get
        {
            lock (gate)
            {
                return chats.Values.SelectMany(c => c.Messages).OrderBy(m => m.Sequence).ToList();
            }
        }
    }

    /// <summary>The command menu set for a scope: "default", "chat:ID", "all_private_chats", …; null when none.</summary>
    public JsonArray? CommandsFor(string scope)
    {
        lock (gate)
        {
            return commandMenus.TryGetValue(scope, out var menu) ? (JsonArray)menu.DeepClone() : null;
        }
    }

    /// <summary>Waits until the bot has sent at least <paramref name="count"/> messages to the chat.</summary>
    public async Task<IReadOnlyList<StandInMessage>> WaitForMessagesAsync(long chatId, int count, TimeSpan? timeout = null)
    {
        await WaitUntilAsync(() => MessagesIn(chatId).Count >= count, timeout, $"{count} message(s) in chat {chatId}");
        return MessagesIn(chatId);
    }

    /// <summary>Polls a condition on the stand-in's state every few milliseconds; throws TimeoutException with what was awaited.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null, string? what = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = time.GetUtcNow() + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (time.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what ?? "a condition"}. Requests so far: " +
                    string.Join(", ", Requests.TakeLast(10).Select(r => $"{r.Method}={r.Status}")));
            }

            await Task.Delay(TimeSpan.FromMilliseconds(15), time);
        }
    }

    // ---- HTTP ----------------------------------------------------------------------------------------------------

    private async Task HandleAsync(HttpContext context)
    {
        var receivedAt = time.GetUtcNow();
        var match = MethodPath().Match(context.Request.Path.Value ?? "");
        ApiAnswer answer;
        var method = match.Success ? match.Groups["method"].Value : "";
        BotRequestParameters parameters = new([]);
        if (!match.Success)
        {
            answer = ApiAnswer.Error(404, "Not Found");
        }
        else if (!string.Equals(match.Groups["token"].Value, options.Token, StringComparison.Ordinal))
        {
            answer = ApiAnswer.Error(401, "Unauthorized");
        }
        else
        {
            try
            {
                parameters = await BotRequestParameters.ReadAsync(context.Request, context.RequestAborted);
                answer = string.Equals(method, "getUpdates", StringComparison.OrdinalIgnoreCase)
                    ? await GetUpdatesAsync(parameters, context.RequestAborted)
                    : Dispatch(method, parameters);
            }
            catch (JsonException)
            {
                answer = ApiAnswer.Error(400, "Bad Request: can't parse JSON object");
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                return;
            }
        }

        lock (gate)
        {
            requests.Add(new RecordedRequest(method, (JsonObject)parameters.Values.DeepClone(), answer.Status) { ReceivedAt = receivedAt });
        }

        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = "application/json";
        if (answer.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await context.Response.WriteAsync(answer.Body.ToJsonString(ResponseJson), context.RequestAborted);
    }

    private async Task<ApiAnswer> GetUpdatesAsync(BotRequestParameters p, CancellationToken aborted)
    {
        lock (gate)
        {
            if (TakeForcedFailure("getUpdates") is { } forced)
            {
                return forced;
            }

            if (webhookUrl is not null)
            {
                return ApiAnswer.Error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
            }
        }

        var timeout = (int)Math.Clamp(p.Long("timeout") ?? 0, 0, options.MaxLongPollSeconds);
        var limit = (int)Math.Clamp(p.Long("limit") ?? 100, 1, 100);
        var result = await updates.GetAsync(p.Long("offset"), limit, timeout, p.Node("allowed_updates"), aborted);
        return result is null
            ? ApiAnswer.Error(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running")
            : ApiAnswer.Ok(result);
    }

    [GeneratedRegex("^/bot(?<token>[^/]+)/(?:test/)?(?<method>[A-Za-z]+)/?$")]
    private static partial Regex MethodPath();
}
