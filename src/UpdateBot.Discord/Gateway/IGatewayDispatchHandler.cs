using System.Text.Json;

namespace UpdateBot.Discord.Gateway;

/// <summary>Receives dispatches (op 0) other than READY/RESUMED. Called on the receive loop: must return at once.</summary>
internal interface IGatewayDispatchHandler
{
    void OnDispatch(string type, JsonElement data, int shardId);
}
