using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace UpdateBot.StandIns.Telegram;

/// <summary>The Bot API methods the stand-in answers, each under the stand-in's lock.</summary>
public sealed partial class TelegramStandIn
{
    private const int TextLimit = 4096;
    private const int CaptionLimit = 1024;
    private const int RawTextLimitBytes = 32768;

    private ApiAnswer Dispatch(string method, BotRequestParameters p)
    {
        lock (gate)
        {
            if (TakeForcedFailure(method) is { } forced)
            {
                return forced;
            }

            return method.ToLowerInvariant() switch
            {
                "getme" => ApiAnswer.Ok(BotJson()),
                "sendmessage" => SendMessage(p),
                "sendphoto" => SendPhoto(p),
                "sendvenue" => SendPlace(p, "sendVenue"),
                "sendlocation" => SendPlace(p, "sendLocation"),
                "editmessagetext" => Edit(p, caption: false),
                "editmessagecaption" => Edit(p, caption: true),
                "deletemessage" => DeleteMessage(p),
                "answercallbackquery" => AnswerCallbackQuery(p),
                "setmycommands" => SetMyCommands(p),
                "getmycommands" => ApiAnswer.Ok(commandMenus.TryGetValue(ScopeKey(p.Node("scope")), out var menu) ? menu.DeepClone() : new JsonArray()),
                "deletemycommands" => ApiAnswer.Ok(commandMenus.Remove(ScopeKey(p.Node("scope")))),
                "getchatmember" => GetChatMember(p),
                "setwebhook" => SetWebhook(p),
                "deletewebhook" => DeleteWebhook(p),
                "getwebhookinfo" => ApiAnswer.Ok(new JsonObject
                {
                    ["url"] = webhookUrl ?? "",
                    ["has_custom_certificate"] = false,
                    ["pending_update_count"] = updates.PendingCount,
                }),
                "logout" or "close" => ApiAnswer.Ok(true),
                _ => ApiAnswer.Error(404, "Not Found: method not found"),
            };
        }
    }

    private ApiAnswer SendMessage(BotRequestParameters p)
    {
        if (CheckChat(p, out var chat) is { } refused)
        {
            return refused;
        }

        if (CheckText(p, "text", TextLimit, out var visible, out var mode) is { } bad)
        {
            return bad;
        }

        if (CheckKeyboard(p) is { } badKeyboard)
        {
            return badKeyboard;
        }

        var preview = p.Node("link_preview_options") is JsonObject o && (bool?)o["is_disabled"] == true || p.Bool("disable_web_page_preview");
        return Record(chat, new StandInMessage
        {
            ChatId = chat.Id,
            MessageId = 0,
            Sequence = 0,
            Method = "sendMessage",
            Text = p.String("text"),
            VisibleText = visible,
            ParseMode = mode,
            LinkPreviewDisabled = preview,
            ReplyMarkup = p.Node("reply_markup")?.DeepClone(),
        });
    }

    private ApiAnswer SendPhoto(BotRequestParameters p)
    {
        if (CheckChat(p, out var chat) is { } refused)
        {
            return refused;
        }

        var photo = p.String("photo");
        if (string.IsNullOrEmpty(photo))
        {
            return ApiAnswer.Error(400, "Bad Request: there is no photo in the request");
        }

        if (refusedPhotos.Contains(photo))
        {
            return ApiAnswer.Error(400, "Bad Request: wrong file identifier/HTTP URL specified");
        }

        if (CheckText(p, "caption", CaptionLimit, out var visible, out var mode) is { } bad)
        {
            return bad;
        }

        if (CheckKeyboard(p) is { } badKeyboard)
        {
            return badKeyboard;
        }

        return Record(chat, new StandInMessage
        {
            ChatId = chat.Id,
            MessageId = 0,
            Sequence = 0,
            Method = "sendPhoto",
            Text = p.String("caption"),
            VisibleText = visible,
            ParseMode = mode,
            PhotoUrl = photo,
            ReplyMarkup = p.Node("reply_markup")?.DeepClone(),
        });
    }

    private ApiAnswer SendPlace(BotRequestParameters p, string method)
    {
        if (CheckChat(p, out var chat) is { } refused)
        {
            return refused;
        }

        if (p.Double("latitude") is not { } latitude || p.Double("longitude") is not { } longitude
            || Math.Abs(latitude) > 90 || Math.Abs(longitude) > 180)
        {
            return ApiAnswer.Error(400, "Bad Request: wrong latitude or longitude specified");
        }

        if (method == "sendVenue" && (string.IsNullOrEmpty(p.String("title")) || p.String("address") is null))
        {
            return ApiAnswer.Error(400, "Bad Request: venue title and address must be non-empty");
        }

        return Record(chat, new StandInMessage
        {
            ChatId = chat.Id,
            MessageId = 0,
            Sequence = 0,
            Method = method,
            Location = (latitude, longitude),
            VenueTitle = p.String("title"),
        });
    }

    private ApiAnswer Edit(BotRequestParameters p, bool caption)
    {
        if (CheckChat(p, out var chat) is { } refused)
        {
            return refused;
        }

        var field = caption ? "caption" : "text";
        var index = chat.Messages.FindLastIndex(m => m.MessageId == p.Long("message_id") && !m.Deleted);
        if (index < 0)
        {
            return ApiAnswer.Error(400, "Bad Request: message to edit not found");
        }

        var old = chat.Messages[index];
        if (caption != (old.Method == "sendPhoto") || old.Method is "sendVenue" or "sendLocation")
        {
            return ApiAnswer.Error(400, caption ? "Bad Request: there is no caption in the message to edit" : "Bad Request: there is no text in the message to edit");
        }

        if (CheckText(p, field, caption ? CaptionLimit : TextLimit, out var visible, out var mode) is { } bad)
        {
            return bad;
        }

        if (CheckKeyboard(p) is { } badKeyboard)
        {
            return badKeyboard;
        }

        var markup = p.Node("reply_markup")?.DeepClone();
        if (old.Text == p.String(field) && old.ParseMode?.ToLowerInvariant() == mode?.ToLowerInvariant()
            && old.ReplyMarkup?.ToJsonString() == markup?.ToJsonString())
        {
            return ApiAnswer.Error(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
        }

        if (limiter.TryAcquire(Limits, chat.Id, chat.IsGroup) is { } wait)
        {
            limitedCount++;
            return ApiAnswer.TooManyRequests(Seconds(wait));
        }

        var edited = old with
        {
            Text = p.String(field),
            VisibleText = visible,
            ParseMode = mode,
            ReplyMarkup = markup,
            EditCount = old.EditCount + 1,
        };
        chat.Messages[index] = edited;
        return ApiAnswer.Ok(MessageJson(chat, edited));
    }

    private ApiAnswer DeleteMessage(BotRequestParameters p)
    {
        if (CheckChat(p, out var chat) is { } refused)
        {
            return refused;
        }

        var index = chat.Messages.FindLastIndex(m => m.MessageId == p.Long("message_id") && !m.Deleted);
        if (index < 0)
        {
            return ApiAnswer.Error(400, "Bad Request: message to delete not found");
        }

        chat.Messages[index] = chat.Messages[index] with { Deleted = true };
        return ApiAnswer.Ok(true);
    }

    private ApiAnswer AnswerCallbackQuery(BotRequestParameters p)
    {
        var id = p.String("callback_query_id") ?? "";
        if (!openQueries.TryGetValue(id, out var answered) || answered)
        {
            return ApiAnswer.Error(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
        }

        var text = p.String("text");
        if (text is { Length: > 200 })
        {
            return ApiAnswer.Error(400, "Bad Request: MESSAGE_TOO_LONG");
        }

        openQueries[id] = true;
        answers.Add(new CallbackAnswer(id, text));
        return ApiAnswer.Ok(true);
    }

    private ApiAnswer SetMyCommands(BotRequestParameters p)
    {
        if (p.Node("commands") is not JsonArray list || list.Count > 100)
        {
            return ApiAnswer.Error(400, "Bad Request: commands must be an array of at most 100 commands");
        }

        foreach (var item in list)
        {
            var command = (string?)item?["command"] ?? "";
            var description = (string?)item?["description"] ?? "";
            if (!CommandName().IsMatch(command))
            {
                return ApiAnswer.Error(400, "Bad Request: BOT_COMMAND_INVALID");
            }

            if (description.Length is 0 or > 256)
            {
                return ApiAnswer.Error(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID");
            }
        }

        var scope = p.Node("scope");
        if (scope?["chat_id"] is { } chatId && !chats.ContainsKey(long.Parse(chatId.ToJsonString().Trim('"'), CultureInfo.InvariantCulture)))
        {
            return ApiAnswer.Error(400, "Bad Request: chat not found");
        }

        commandMenus[ScopeKey(scope)] = (JsonArray)list.DeepClone();
        return ApiAnswer.Ok(true);
    }

    private ApiAnswer GetChatMember(BotRequestParameters p)
    {
        if (p.Long("chat_id") is not { } chatId || !chats.TryGetValue(chatId, out var chat))
        {
            return ApiAnswer.Error(400, "Bad Request: chat not found");
        }

        if (p.Long("user_id") is not { } userId)
        {
            return ApiAnswer.Error(400, "Bad Request: user not found");
        }

        var status = chat.Members.GetValueOrDefault(userId, "member");
        var member = new JsonObject { ["status"] = status, ["user"] = UserJson(userId) };
        switch (status)
        {
            case "creator":
                member["is_anonymous"] = false;
                break;
            case "administrator":
                member["can_be_edited"] = false;
                member["is_anonymous"] = false;
                foreach (var right in new[]
                {
                    "can_manage_chat", "can_delete_messages", "can_manage_video_chats", "can_restrict_members", "can_promote_members",
                    "can_change_info", "can_invite_users", "can_post_stories", "can_edit_stories", "can_delete_stories",
                })
                {
                    member[right] = true;
                }

                break;
            case "restricted":
                member["is_member"] = true;
                member["until_date"] = 0;
                break;
            case "kicked":
                member["until_date"] = 0;
                break;
        }

        return ApiAnswer.Ok(member);
    }

    private ApiAnswer SetWebhook(BotRequestParameters p)
    {
        var url = p.String("url") ?? "";
        webhookUrl = url.Length == 0 ? null : url;
        webhookSecret = p.String("secret_token");
        return ApiAnswer.Ok(true);
    }

    private ApiAnswer DeleteWebhook(BotRequestParameters p)
    {
        webhookUrl = null;
        webhookSecret = null;
        if (p.Bool("drop_pending_updates"))
        {
            // A negative offset of zero length is not allowed by the queue; confirm everything instead.
            _ = updates.GetAsync(int.MaxValue, 1, 0, null, CancellationToken.None);
        }

        return ApiAnswer.Ok(true);
    }

    // ---- Checks ------------------------------------------------------------------------------------------------

    private ApiAnswer? CheckChat(BotRequestParameters p, out StandInChat chat)
    {
        chat = null!;
        var id = p.Long("chat_id");
        if (id is null or 0)
        {
            return ApiAnswer.Error(400, p.Has("chat_id") ? "Bad Request: chat not found" : "Bad Request: chat_id is empty");
        }

        if (!chats.TryGetValue(id.Value, out var found))
        {
            if (!options.AcceptUnknownChats)
            {
                return ApiAnswer.Error(400, "Bad Request: chat not found");
            }

            found = Chat(id.Value);
        }

        chat = found;
        if (found.MigratedTo is { } to)
        {
            return ApiAnswer.Error(400, "Bad Request: group chat was upgraded to a supergroup chat", new JsonObject { ["migrate_to_chat_id"] = to });
        }

        if (found.Blocked)
        {
            return ApiAnswer.Error(403, "Forbidden: bot was blocked by the user");
        }

        if (found.Kicked)
        {
            return ApiAnswer.Error(403, found.Type == "channel" ? "Forbidden: bot is not a member of the channel chat" : $"Forbidden: bot was kicked from the {found.Type} chat");
        }

        return null;
    }

    private static ApiAnswer? CheckText(BotRequestParameters p, string field, int limit, out string visible, out string? mode)
    {
        var raw = p.String(field) ?? "";
        mode = p.String("parse_mode");
        visible = raw;
        if (Encoding.UTF8.GetByteCount(raw) > RawTextLimitBytes)
        {
            return ApiAnswer.Error(400, "Bad Request: text is too long");
        }

        switch (mode?.ToLowerInvariant())
        {
            case null or "":
                mode = null;
                break;
            case "html":
                if (!TelegramHtmlValidator.TryParse(raw, out visible, out var error))
                {
                    return ApiAnswer.Error(400, "Bad Request: can't parse entities: " + error);
                }

                break;
            case "markdown" or "markdownv2":
                break;
            default:
                return ApiAnswer.Error(400, "Bad Request: unsupported parse_mode");
        }

        if (field == "text" && visible.Trim().Length == 0)
        {
            return ApiAnswer.Error(400, "Bad Request: message text is empty");
        }

        if (visible.Length > limit)
        {
            return ApiAnswer.Error(400, field == "text" ? "Bad Request: message is too long" : "Bad Request: message caption is too long");
        }

        return null;
    }

    private static ApiAnswer? CheckKeyboard(BotRequestParameters p)
    {
        if (p.Node("reply_markup") is not JsonObject markup || markup["inline_keyboard"] is not { } keyboard)
        {
            return null;
        }

        if (keyboard is not JsonArray rows || rows.Any(r => r is not JsonArray))
        {
            return ApiAnswer.Error(400, "Bad Request: inline keyboard must be an array of arrays");
        }

        foreach (var button in rows.OfType<JsonArray>().SelectMany(r => r))
        {
            if (button is not JsonObject b || string.IsNullOrEmpty((string?)b["text"]))
            {
                return ApiAnswer.Error(400, "Bad Request: BUTTON_TEXT_INVALID");
            }

            if (b["callback_data"] is { } data && Encoding.UTF8.GetByteCount((string?)data ?? "") is 0 or > 64)
            {
                return ApiAnswer.Error(400, "Bad Request: BUTTON_DATA_INVALID");
            }
        }

        return null;
    }

    private ApiAnswer Record(StandInChat chat, StandInMessage message)
    {
        if (limiter.TryAcquire(Limits, chat.Id, chat.IsGroup) is { } wait)
        {
            limitedCount++;
            return ApiAnswer.TooManyRequests(Seconds(wait));
        }

        var recorded = message with { MessageId = chat.NextMessageId++, Sequence = ++sequence };
        chat.Messages.Add(recorded);
        sentCount++;
        return ApiAnswer.Ok(MessageJson(chat, recorded));
    }

    private ApiAnswer? TakeForcedFailure(string method)
    {
        if (!failures.TryGetValue(method, out var queue) || queue.Count == 0)
        {
            return null;
        }

        var failure = queue.Dequeue();
        if (failure.ErrorCode == 429)
        {
            return ApiAnswer.TooManyRequests(failure.RetryAfter ?? 1);
        }

        JsonObject? parameters = null;
        if (failure.RetryAfter is { } retryAfter)
        {
            parameters = new JsonObject { ["retry_after"] = retryAfter };
        }

        if (failure.MigrateTo is { } to)
        {
            parameters = new JsonObject { ["migrate_to_chat_id"] = to };
        }

        return ApiAnswer.Error(failure.ErrorCode, failure.Description, parameters);
    }

    private static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    // ---- JSON shapes ---------------------------------------------------------------------------------------------

    private StandInChat Chat(long id, string? type = null, string? title = null)
    {
        if (!chats.TryGetValue(id, out var chat))
        {
            type ??= StandInChat.TypeFor(id);
            chat = new StandInChat(id, type, type == "private" ? null : title ?? "Chat " + id.ToString(CultureInfo.InvariantCulture));
            chats[id] = chat;
        }

        return chat;
    }

    private JsonObject UserMessage(StandInChat chat, long userId, string? text)
    {
        var message = new JsonObject
        {
            ["message_id"] = chat.NextMessageId++,
            ["from"] = UserJson(userId),
            ["date"] = time.GetUtcNow().ToUnixTimeSeconds(),
            ["chat"] = ChatJson(chat),
        };
        if (text is not null)
        {
            message["text"] = text;
            if (text.StartsWith('/'))
            {
                var end = text.IndexOfAny([' ', '\n', '\t']);
                message["entities"] = new JsonArray(new JsonObject
                {
                    ["type"] = "bot_command",
                    ["offset"] = 0,
                    ["length"] = end < 0 ? text.Length : end,
                });
            }
        }

        return message;
    }

    private JsonObject MessageJson(StandInChat chat, StandInMessage message)
    {
        var json = new JsonObject
        {
            ["message_id"] = message.MessageId,
            ["from"] = BotJson(),
            ["date"] = time.GetUtcNow().ToUnixTimeSeconds(),
            ["chat"] = ChatJson(chat),
        };
        switch (message.Method)
        {
            case "sendPhoto":
                json["photo"] = new JsonArray(new JsonObject
                {
                    ["file_id"] = "photo" + message.MessageId.ToString(CultureInfo.InvariantCulture),
                    ["file_unique_id"] = "u" + message.MessageId.ToString(CultureInfo.InvariantCulture),
                    ["width"] = 800,
                    ["height"] = 600,
                });
                if (!string.IsNullOrEmpty(message.VisibleText))
                {
                    json["caption"] = message.VisibleText;
                }

                break;
            case "sendVenue" or "sendLocation":
                var location = new JsonObject { ["latitude"] = message.Location?.Latitude, ["longitude"] = message.Location?.Longitude };
                json["location"] = location;
                if (message.Method == "sendVenue")
                {
                    json["venue"] = new JsonObject { ["location"] = location.DeepClone(), ["title"] = message.VenueTitle, ["address"] = "" };
                }

                break;
            default:
                json["text"] = message.VisibleText;
                break;
        }

        if (message.ReplyMarkup is { } markup)
        {
            json["reply_markup"] = markup.DeepClone();
        }

        return json;
    }

    private static JsonObject ChatJson(StandInChat chat)
    {
        var json = new JsonObject { ["id"] = chat.Id, ["type"] = chat.Type };
        if (chat.Type == "private")
        {
            json["first_name"] = "User " + chat.Id.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            json["title"] = chat.Title;
        }

        return json;
    }

    private static JsonObject UserJson(long userId) => new()
    {
        ["id"] = userId,
        ["is_bot"] = false,
        ["first_name"] = "User " + userId.ToString(CultureInfo.InvariantCulture),
        ["username"] = "user" + userId.ToString(CultureInfo.InvariantCulture),
    };

    private JsonObject BotJson() => new()
    {
        ["id"] = options.BotId,
        ["is_bot"] = true,
        ["first_name"] = options.BotUsername,
        ["username"] = options.BotUsername,
        ["can_join_groups"] = true,
        ["can_read_all_group_messages"] = false,
        ["supports_inline_queries"] = false,
    };

    private JsonObject MemberUpdate(StandInChat chat, long userId, string newStatus) => new()
    {
        ["chat"] = ChatJson(chat),
        ["from"] = UserJson(userId),
        ["date"] = time.GetUtcNow().ToUnixTimeSeconds(),
        ["old_chat_member"] = new JsonObject { ["status"] = "member", ["user"] = BotJson() },
        ["new_chat_member"] = new JsonObject { ["status"] = newStatus, ["user"] = BotJson(), ["until_date"] = 0 },
    };

    private static string ScopeKey(JsonNode? scope)
    {
        var type = (string?)scope?["type"] ?? "default";
        var chat = scope?["chat_id"]?.ToJsonString().Trim('"');
        var user = scope?["user_id"]?.ToJsonString();
        return type + (chat is null ? "" : ":" + chat) + (user is null ? "" : ":" + user);
    }

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex CommandName();
}
