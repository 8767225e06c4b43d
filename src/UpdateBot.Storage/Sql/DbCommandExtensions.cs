using System.Data;
using System.Data.Common;

namespace UpdateBot.Storage.Sql;

/// <summary>Typed parameters (so PostgreSQL knows the type of a null) and short command helpers.</summary>
internal static class DbCommandExtensions
{
    public static DbCommand Command(this DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    public static DbCommand With(this DbCommand command, string name, string? value) => Add(command, name, value, DbType.String);

    public static DbCommand With(this DbCommand command, string name, long value) => Add(command, name, value, DbType.Int64);

    public static DbCommand With(this DbCommand command, string name, long? value) => Add(command, name, value, DbType.Int64);

    public static DbCommand With(this DbCommand command, string name, int value) => Add(command, name, value, DbType.Int32);

    public static async Task<long> ScalarLongAsync(this DbCommand command, CancellationToken cancellationToken)
    {
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string? NullableString(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? NullableLong(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    private static DbCommand Add(DbCommand command, string name, object? value, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }
}
