namespace UpdateBot.Events.Tests;

/// <summary>
/// One sentence per entry, published on Tuesday 12 March 2024 at 09:00 in London (unless a time is given), and the
/// events it must yield — none for reports of the past, closed meetings and words that only look like places or months.
/// </summary>
public sealed class ExtractionSentenceTests
{
    private const string Tue0900 = "2024-03-12 09:00";

    public static TheoryData<string, string, string[]> Positives => new()
    {
        { Tue0900, "There is a rally tonight at 6pm in Millennium Square, Leeds.", ["rally 2024-03-12 18:00 Leeds"] },
        { Tue0900, "Leeds: vigil at the war memorial tomorrow at 7.30pm.", ["vigil 2024-03-13 19:30 Leeds"] },
        { Tue0900, "Bristol Momentum will hold a public meeting on Thursday at 6:30pm.", ["meeting 2024-03-14 18:30 Bristol"] },
        { Tue0900, "Join the march next Tuesday, 7.30pm, from Victoria Square in Birmingham.", ["march 2024-03-19 19:30 Birmingham"] },
        { Tue0900, "The picket starts at noon on Saturday outside the council offices in Sheffield.", ["picket 2024-03-16 12:00 Sheffield"] },
        { Tue0900, "A vigil for the victims will be held at 12 noon in Cathedral Square, Glasgow.", ["vigil 2024-03-12 12:00 Glasgow"] },
        { Tue0900, "Manchester teach-in: 18:00, Central Library.", ["teach-in 2024-03-12 18:00 Manchester"] },
        { Tue0900, "Nurses are holding a protest from 11am to 3pm outside St Thomas' Hospital in London.", ["protest 2024-03-12 11:00 London"] },
        { "2024-03-12 17:30", "The demo outside Parliament starts in half an hour.", ["demo 2024-03-12 18:00 London"] },
        { Tue0900, "Cardiff Trades Council has called a demonstration for Monday 18 March at 6:30pm.", ["demo 2024-03-18 18:30 Cardiff"] },
        { Tue0900, "There will be a solidarity gig on Friday night in Brighton.", ["gig 2024-03-15 ~night Brighton"] },
        { Tue0900, "Edinburgh Momentum is holding a meeting this Wednesday evening.", ["meeting 2024-03-13 ~evening Edinburgh"] },
        { Tue0900, "Students in Oxford plan a walkout at 11am tomorrow.", ["walkout 2024-03-13 11:00 Oxford"] },
        { Tue0900, "Liverpool: rally at St George's Hall, Saturday 16 March, 1pm.", ["rally 2024-03-16 13:00 Liverpool"] },
        { Tue0900, "The Unite branch AGM is on Thursday 14 March at 7pm in Nottingham.", ["agm 2024-03-14 19:00 Nottingham"] },
        { Tue0900, "A flash mob is planned for 5pm today at Piccadilly Gardens in Manchester.", ["flash mob 2024-03-12 17:00 Manchester"] },
        { Tue0900, "Update from Cardiff: the protest kicks off at 2pm outside the Senedd.", ["protest 2024-03-12 14:00 Cardiff"] },
        { Tue0900, "Newcastle: protest at 5:30pm at Grey's Monument.", ["protest 2024-03-12 17:30 Newcastle upon Tyne"] },
        { Tue0900, "A counter-protest has been called for 11am on Sunday in Norwich.", ["protest 2024-03-17 11:00 Norwich"] },
        { Tue0900, "The People's Assembly march in London will assemble at 12 noon on Saturday at Portland Place.", ["march 2024-03-16 12:00 London"] },
        { Tue0900, "Hustings for the mayoral candidates take place on 20 March at 7pm in Bradford.", ["hustings 2024-03-20 19:00 Bradford"] },
        { Tue0900, "Join us for a candlelit vigil in York this evening.", ["vigil 2024-03-12 ~evening York"] },
        { Tue0900, "A public meeting on the housing crisis will be held in Leicester next Monday at 7pm.", ["meeting 2024-03-18 19:00 Leicester"] },
        { Tue0900, "Derby Momentum: emergency meeting tonight, 7pm, at the Brunswick Inn.", ["meeting 2024-03-12 19:00 Derby"] },
        { Tue0900, "The rally in Coventry gets under way at 1pm on Saturday.", ["rally 2024-03-16 13:00 Coventry"] },
        { Tue0900, "Sheffield students have called a teach-in for Thursday 14th March from 10am until 4pm.", ["teach-in 2024-03-14 10:00 Sheffield"] },
        { Tue0900, "A benefit gig for the strike fund is on at the Fleece in Bristol on Friday at 8pm.", ["gig 2024-03-15 20:00 Bristol"] },
        { Tue0900, "Protest at Downing Street at 6pm tonight.", ["protest 2024-03-12 18:00 London"] },
        { Tue0900, "In Glasgow, a rally will gather in George Square at 6.30pm.", ["rally 2024-03-12 18:30 Glasgow"] },
        { Tue0900, "Picket lines will be set up at 7am tomorrow outside the depot in Leeds.", ["picket 2024-03-13 07:00 Leeds"] },
        { Tue0900, "Swansea: demo on Saturday at 11am, Castle Square.", ["demo 2024-03-16 11:00 Swansea"] },
        { Tue0900, "There's a meeting in Southampton at 7:30pm on Wednesday.", ["meeting 2024-03-13 19:30 Southampton"] },
        { Tue0900, "March against the cuts, Saturday 23 March, assembling at 12:00 in Hyde Park, London.", ["march 2024-03-23 12:00 London"] },
        { Tue0900, "Birmingham: march from Chamberlain Square at 2pm this Saturday.", ["march 2024-03-16 14:00 Birmingham"] },
        { Tue0900, "A rally is planned for Leeds on 1 April at 6pm.", ["rally 2024-04-01 18:00 Leeds"] },
        { Tue0900, "The vigil in Belfast is at 8pm tomorrow at City Hall.", ["vigil 2024-03-13 20:00 Belfast"] },
        { Tue0900, "There is a demo at 5pm and a meeting at 7pm in Hull.", ["demo 2024-03-12 17:00 Kingston upon Hull", "meeting 2024-03-12 19:00 Kingston upon Hull"] },
        { Tue0900, "Reading Momentum will rally in Reading on Saturday at 2pm.", ["rally 2024-03-16 14:00 Reading"] },
        { Tue0900, "Salford: protest at the precinct, Friday 15/03/2024 at 4pm.", ["protest 2024-03-15 16:00 Salford"] },
        { Tue0900, "The rally was called for Saturday at 3pm in Wigan.", ["rally 2024-03-16 15:00 Wigan"] },
        { Tue0900, "Brixton: a vigil is planned at 9pm on Sunday 17 March.", ["vigil 2024-03-17 21:00 Brixton"] },
        { Tue0900, "Oxford: the demo starts at 10 o'clock on Saturday morning.", ["demo 2024-03-16 10:00 Oxford"] },
        { "2023-03-14 10:00", "The Marxist Society meets on Monday 20 March at 6:30pm in Leeds for a meeting on the crisis.", ["meeting 2023-03-20 18:30 Leeds"] },
        { Tue0900, "Don't miss the Islington meeting at 7pm tomorrow night.", ["meeting 2024-03-13 19:00 Islington"] },
        { Tue0900, "Norwich: march 11am–2pm Saturday, from the Forum.", ["march 2024-03-16 11:00 Norwich"] },
        { "2024-03-12 21:30", "Rally at 10am in Derby.", ["rally 2024-03-13 10:00 Derby"] },
        { Tue0900, "A demo has been called in Edinburgh for Sunday afternoon.", ["demo 2024-03-17 ~afternoon Edinburgh"] },
        { Tue0900, "Formally support the demo tomorrow and mobilise as many people as possible.", ["demo 2024-03-13 ~day -"] },
        { Tue0900, "Leeds: rally at half past six tonight in City Square.", ["rally 2024-03-12 18:30 Leeds"] },
        { Tue0900, "York vigil at seven o'clock on Friday evening.", ["vigil 2024-03-15 19:00 York"] },
        { Tue0900, "Bristol demo Saturday 2pm, College Green.", ["demo 2024-03-16 14:00 Bristol"] },
        { Tue0900, "Sheffield: march, 19.00, from the Town Hall.", ["march 2024-03-12 19:00 Sheffield"] },
        { Tue0900, "Pride parade in Brighton on the 16th at 11am.", ["march 2024-03-16 11:00 Brighton"] },
        { Tue0900, "Cambridge students will hold a sit-in on Wednesday from 9am.", ["sit-in 2024-03-13 09:00 Cambridge"] },
        { Tue0900, "A film screening and discussion takes place in Bath on Thursday at 7pm.", ["screening 2024-03-14 19:00 Bath"] },
    };

    public static TheoryData<string, string> Negatives => new()
    {
        { Tue0900, "Demos yesterday in Bristol and Leeds boosted spirits." },
        { Tue0900, "Saturday's march drew 5,000 people in Manchester." },
        { Tue0900, "After last night's demonstrations in London and Newcastle, the mood is electric." },
        { Tue0900, "Reading the statement at 10am, it is clear Labour is split." },
        { Tue0900, "Victoria Derbyshire will interview him at 9am." },
        { Tue0900, "Tweet your MP before the meeting of the Parliamentary Labour Party at 6pm tonight." },
        { Tue0900, "The PLP meeting tonight will vote on the motion." },
        { Tue0900, "Around 2,000 people attended the vigil in Cardiff on Sunday." },
        { Tue0900, "Last Saturday's rally in Bath was the biggest in years." },
        { Tue0900, "The business secretary is having a meeting today with bank bosses." },
        { Tue0900, "We held a meeting with the council leader on Monday." },
        { Tue0900, "Local groups should be calling meetings to organise." },
        { Tue0900, "The pound hit a 31-year low at 3pm." },
        { Tue0900, "The march of the right wing continues in the party." },
        { Tue0900, "In March the party will elect a new leader." },
        { Tue0900, "Protests took place in 40 towns over the weekend." },
        { Tue0900, "The cabinet meeting at 10am will discuss the budget." },
        { Tue0900, "Two weeks ago, a demo in Hull brought the city centre to a standstill." },
        { Tue0900, "Thousands marched through Glasgow yesterday afternoon." },
        { Tue0900, "The rally earlier today was addressed by union leaders." },
        { Tue0900, "We will update this page as the meeting unfolds." },
        { Tue0900, "Bath Rugby's match kicks off at 3pm." },
        { Tue0900, "I had a meeting with Ian Murray MP about rent controls." },
        { Tue0900, "At the CLP AGM on Friday 8th March, members backed the motion." },
        { Tue0900, "Event details will follow at 5pm." },
        { Tue0900, "There were around 400 people at the rally in Newcastle tonight." },
        { Tue0900, "East London Momentum have called a meeting to organise deselections." },
        { Tue0900, "The vote of no confidence was carried by 172 votes to 40 at 4pm." },
        { Tue0900, "Labour is 5 points ahead at the moment, and May is under pressure." },
        { Tue0900, "Street stalls were busy all day in Leeds." },
        { Tue0900, "The statement will be read at 6pm." },
        { Tue0900, "Stanley Johnson said the protest movement had peaked in 2019." },
        { Tue0900, "Sixty MPs met at 11am yesterday to plan the coup." },
        { Tue0900, "At one point the meeting descended into chaos." },
        { Tue0900, "Inflation rose to 19.50 per cent, the demo organisers said." },
        { Tue0900, "The protest last Saturday in Leeds was peaceful." },
        { Tue0900, "Labour's vote fell in March, a year after the rally." },
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public void Announced_events_are_found_with_exact_minutes_and_place(string published, string text, string[] expected)
    {
        var found = Blog.Extract(Blog.Entry(published, text));

        Assert.Equal(expected, found);
    }

    [Theory]
    [MemberData(nameof(Negatives))]
    public void Reports_closed_meetings_and_lookalike_words_are_not_events(string published, string text)
    {
        var found = Blog.Extract(Blog.Entry(published, text));

        Assert.Empty(found);
    }
}
