namespace UpdateBot.Web.WebSub;

/// <summary>Where content posted to a callback belongs, and the secret its signature must be made with.</summary>
internal sealed record PushTarget(string SourceName, string Topic, string Secret);
