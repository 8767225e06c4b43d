Console.WriteLine("UpdateBot");
