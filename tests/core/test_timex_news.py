"""Newswire conventions of the temporal tagger: years inside names, forecasts in
earnings reports, vague future stretches."""

from __future__ import annotations

from datetime import date

from nato_reader.core.timex import tag_timexes

OCT_1991 = date(1991, 10, 24)


def tagged(text: str, anchor: date = OCT_1991) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag_timexes(text, anchor)]


def test_a_year_inside_a_name_is_not_a_date():
    text = "The dancers founded a troupe called Helios 1975, which toured Chile in 1979."
    assert tagged(text) == [("1979", "DATE", "1979")]


def test_a_capitalised_time_word_before_a_year_still_gives_a_date():
    assert tagged("Their reports from Fiscal 1988 and Christmas 1990 survive.") == [
        ("Fiscal 1988", "DATE", "1988"), ("Christmas 1990", "DATE", "1990-12-25")]
    assert tagged("The harvest of Summer 1990 was poor.") == [
        ("Summer 1990", "DATE", "1990-SU")]
    assert tagged("In 1985 the mill closed.") == [("1985", "DATE", "1985")]
    assert tagged("Prices rose during Ramadan 1990.")[-1] == ("1990", "DATE", "1990")


def test_a_forecast_quarter_is_not_the_quarter_a_report_compares():
    text = ("Acme said third-quarter profit fell. Analysts see losses through the second "
            "quarter of 1992. In the year-ago period, Acme earned $3 million.")
    assert tagged(text)[-1] == ("the year-ago period", "DATE", "1990-Q3")


def test_coming_months_is_a_vague_future():
    text = "The ministry expects prices to ease in coming months and coming years."
    assert [v for _, _, v in tagged(text)] == ["FUTURE_REF", "FUTURE_REF"]


def test_year_end_is_the_last_day_of_the_year_ahead_or_behind():
    assert tagged("The deal should close by year-end.") == [
        ("year-end", "DATE", "1991-12-31")]
    assert tagged("The index has risen 4% since year-end.") == [
        ("year-end", "DATE", "1990-12-31")]


def test_the_past_three_summers_is_a_set_of_summers():
    assert tagged("Riots have broken out in the port during the past three summers.") == [
        ("the past three summers", "SET", "XXXX-SU")]


def test_the_past_before_a_count_is_not_a_past_reference():
    assert tagged("The river flooded the past two springtimes.") == []


def test_a_quarter_used_as_an_adjective_leaves_the_determiner_to_the_noun():
    assert tagged("Acme blamed its third-quarter slump on the weather.") == [
        ("third-quarter", "DATE", "1991-Q3")]
    assert tagged("Acme reported a loss for the third quarter.") == [
        ("the third quarter", "DATE", "1991-Q3")]
    assert tagged("Acme earned $2 million in the second-quarter of 1990.") == [
        ("the second-quarter of 1990", "DATE", "1990-Q2")]


def test_focus_words_stay_out_of_the_extent_modifiers_stay_in():
    assert tagged("The envoy will stay only three days, barely a week after the vote.") == [
        ("three days", "DURATION", "P3D"), ("a week", "DURATION", "P1W")]
    assert tagged("The talks lasted about five hours.") == [
        ("about five hours", "DURATION", "PT5H")]


def test_a_hedge_after_the_expression_is_part_of_it():
    assert tagged("The mine will close over the next two years or so.") == [
        ("the next two years or so", "DURATION", "P2Y")]
    assert tagged("No profit is expected until 1994 or later, or in 1993 or so.") == [
        ("1994 or later", "DATE", "1994"), ("1993 or so", "DATE", "1993")]


def test_over_is_more_than_after_a_verb_of_lasting_not_a_stretch():
    assert tagged("The inspection may last over a week.") == [
        ("over a week", "DURATION", "P1W")]
    assert tagged("The law has changed over three years of debate.") == [
        ("three years", "DURATION", "P3Y")]
    assert tagged("They may stay for no more than sixty days.") == [
        ("no more than sixty days", "DURATION", "P60D")]


def test_easter_week_is_the_week_ending_on_easter_sunday():
    # Easter 2001 fell on April 15; a Monday story six days earlier says it has begun
    assert tagged("Pilgrims filled the old town as Easter week began.", date(2001, 4, 9)) == [
        ("Easter week", "DATE", "2001-W15")]
    assert tagged("The shops closed on Good Friday.", date(2001, 5, 2)) == [
        ("Good Friday", "DATE", "2001-04-13")]


def test_a_season_of_a_spoken_year_is_one_date():
    assert tagged("Oil fell to the level we saw in the winter of nineteen eighty-six.") == [
        ("the winter of nineteen eighty-six", "DATE", "1986-WI")]


def test_the_early_hours_of_a_day_are_part_of_that_day_not_a_duration():
    assert tagged("Police raided the flat in the early hours of Tuesday morning.") == [
        ("Tuesday morning", "TIME", "1991-10-22TMO")]


def test_a_year_earlier_beside_a_longer_period_is_not_a_quarter():
    text = ("Acme's third-quarter profit rose 5%. For the nine months, Acme earned $9 million, "
            "up from $7 million a year earlier. Quarterly sales matched a year earlier.")
    values = [(t, v) for t, _, v in tagged(text)]
    assert ("a year earlier", "1990") in values
    assert values[-1] == ("a year earlier", "1990-Q3")


def test_on_a_daily_basis_is_a_set():
    assert tagged("Inspectors check the reactor on a daily basis.") == [
        ("daily", "SET", "P1D")]


def test_future_years_is_a_vague_future_with_its_unit():
    assert tagged("The plant will pay less tax in future years.") == [
        ("future years", "DATE", "FUTURE_REF")]


def test_a_weekday_named_by_its_event_is_the_last_one():
    # 24 October 1991 is a Thursday. "Monday's close" happened, whatever the verb says.
    assert tagged("Traders will study Monday's close before the auction.") == [
        ("Monday", "DATE", "1991-10-21")]
    assert tagged("Lawyers said they would appeal Tuesday\u2019s ruling.") == [
        ("Tuesday", "DATE", "1991-10-22")]
    assert tagged("The court will rule on Monday.") == [("Monday", "DATE", "1991-10-28")]


def test_the_attribution_does_not_set_the_tense_of_what_is_reported():
    # 24 October 1991 is a Thursday.
    assert tagged("The ferry will sail from the old harbour at 6 a.m. Saturday, she said.") == [
        ("6 a.m. Saturday", "TIME", "1991-10-26T06:00")]
    # ... unless it is the verb the day belongs to, or nothing else gives a tense
    assert tagged("Officials said Monday the ferry will sail.") == [
        ("Monday", "DATE", "1991-10-21")]
    assert tagged("The ferry leaves at dawn, on Monday, the harbour master said.")[0][2] == (
        "1991-10-28")
    assert tagged("Monday, the harbour master said.") == [("Monday", "DATE", "1991-10-21")]


def test_a_deadline_already_met_is_past():
    # 24 October 1991 is a Thursday.
    assert tagged("Only three clubs had paid their dues by Tuesday, the league said.") == [
        ("Tuesday", "DATE", "1991-10-22")]
    assert tagged("Clubs must pay their dues by Tuesday.") == [
        ("Tuesday", "DATE", "1991-10-29")]


def test_a_deadline_met_in_a_passive_or_an_opening_by_phrase_is_past():
    # 24 October 1991 is a Thursday.
    assert tagged("Power was largely restored by Monday afternoon, officials said.") == [
        ("Monday afternoon", "TIME", "1991-10-21TAF")]
    assert tagged("The strikes began at dusk. By Tuesday morning, crews were fighting a "
                  "fire at the depot.")[-1] == ("Tuesday morning", "TIME", "1991-10-22TMO")
    assert tagged("By Tuesday, the crews will have left.") == [
        ("Tuesday", "DATE", "1991-10-29")]
    assert tagged("The plant was to reopen by Tuesday.") == [("Tuesday", "DATE", "1991-10-29")]


def test_a_deadline_after_a_modal_or_an_ing_verb_is_still_ahead():
    # 24 October 1991 is a Thursday.
    assert tagged("He was confident a deal could be reached by Friday.") == [
        ("Friday", "DATE", "1991-10-25")]
    assert tagged("The union was demanding a new offer by Tuesday.") == [
        ("Tuesday", "DATE", "1991-10-29")]
    assert tagged("By Friday the deal must be done, the chairman said.")[0] == (
        "Friday", "DATE", "1991-10-25")


def test_an_ed_adjective_after_a_future_marker_does_not_make_the_day_past():
    assert tagged("She is due to meet allied leaders in Brussels on Monday.") == [
        ("Monday", "DATE", "1991-10-28")]
    assert tagged("Rutte is expected to publish updated figures on Monday.") == [
        ("Monday", "DATE", "1991-10-28")]
    # a participle before a preposition is still the verb of a past event
    assert tagged("Kyiv will answer the drones launched on Monday.") == [
        ("Monday", "DATE", "1991-10-21")]
    assert tagged("Ukraine received upgraded jets on Monday.") == [
        ("Monday", "DATE", "1991-10-21")]
    assert tagged("Zelensky is expected to visit Paris after Macron announced plans on "
                  "Monday.") == [("Monday", "DATE", "1991-10-21")]


def test_likely_to_and_by_the_season_look_ahead():
    assert tagged("The link is unlikely to reopen before April.") == [
        ("April", "DATE", "1992-04")]
    dec = date(2024, 12, 17)
    assert tagged("Officials said the beaches would reopen by the summer.", dec) == [
        ("the summer", "DATE", "2025-SU")]
    assert tagged("The beaches were closed in the summer.", dec) == [
        ("the summer", "DATE", "2024-SU")]
    jan = date(2024, 1, 17)
    assert tagged("The offensive will resume in the summer.", jan) == [
        ("the summer", "DATE", "2024-SU")]
    assert tagged("The offensive stalled in the summer.", jan) == [
        ("the summer", "DATE", "2023-SU")]


def test_bare_units_between_the_story_and_another_event_are_vague_durations():
    assert tagged("The deal came days after Russia invaded.") == [("days", "DURATION", "PXD")]
    assert tagged("She spoke hours after the ruling.") == [("hours", "DURATION", "PTXH")]
    assert tagged("It happened days before.") == []  # no event named: the story's own time


def test_a_winter_is_labelled_by_the_year_of_its_december():
    jan, mar, oct_ = date(2025, 1, 2), date(2024, 3, 20), date(2024, 10, 12)
    assert tagged("This winter is hard.", jan) == [("This winter", "DATE", "2024-WI")]
    assert tagged("Last winter was hard.", jan) == [("Last winter", "DATE", "2023-WI")]
    assert tagged("Next winter will be hard.", jan) == [("Next winter", "DATE", "2025-WI")]
    assert tagged("This winter was mild.", mar) == [("This winter", "DATE", "2023-WI")]
    assert tagged("This winter will be hard.", oct_) == [("This winter", "DATE", "2024-WI")]


def test_a_live_blog_entry_time_is_a_time_of_the_story_day():
    text = "Key developments.\n\n07:40 - Russia fired.\n\n13:50 - The score was 10:25 - odd."
    assert tagged(text) == [("07:40", "TIME", "1991-10-24T07:40"),
                            ("13:50", "TIME", "1991-10-24T13:50")]


def test_the_rest_of_the_week_is_the_current_week():
    assert tagged("Rough seas are expected for the rest of the week.") == [
        ("the rest of the week", "DATE", "1991-W43")]


def test_trading_and_business_days_are_days():
    assert tagged("Six trading days later the index had recovered; refunds take ten "
                  "business days.") == [("Six trading days", "DURATION", "P6D"),
                                        ("ten business days", "DURATION", "P10D")]


def test_a_one_unit_compound_is_a_duration_without_its_article():
    assert tagged("After a month-long strike and a day-long march, the union signed.") == [
        ("month-long", "DURATION", "P1M"), ("day-long", "DURATION", "P1D")]


def test_early_late_and_mid_parts_of_the_story_day():
    assert tagged("By mid-afternoon the rain had stopped; late evening brought fog.") == [
        ("mid-afternoon", "TIME", "1991-10-24TAF"), ("late evening", "TIME", "1991-10-24TEV")]
    assert tagged("The market fell on Monday, but by mid afternoon it had recovered.")[-1] == (
        "mid afternoon", "TIME", "1991-10-21TAF")


def test_decades_in_words():
    assert tagged("Rents doubled during the nineties and the late Seventies.") == [
        ("the nineties", "DATE", "199"), ("the late Seventies", "DATE", "197")]
    assert tagged("She retired in her sixties.") == []  # an age


def test_two_days_of_one_month_joined_by_and():
    assert tagged("The fair will run on June 14 and 15 in Lyon.") == [
        ("June 14", "DATE", "1992-06-14"), ("15", "DATE", "1992-06-15")]
    assert tagged("On June 14 and 15 others were hurt.") == [("June 14", "DATE", "1991-06-14")]


def test_a_deadline_a_few_days_gone_is_not_a_year_ahead():
    # 24 October 1991: "Oct. 21" three days ago stays in 1991 even in the future tense
    assert tagged("The builders must finish the bridge by Oct. 21.") == [
        ("Oct. 21", "DATE", "1991-10-21")]
    assert tagged("The builders must finish the bridge by Sept. 21.") == [
        ("Sept. 21", "DATE", "1992-09-21")]
    assert tagged("The bridge will open in September.") == [("September", "DATE", "1992-09")]


def test_a_year_read_out_after_an_article_or_ending_a_phrase():
    # broadcast transcripts spell years out
    assert tagged("Lisbon nineteen fifty-five. The earthquake returns.") == [
        ("nineteen fifty-five", "DATE", "1955")]
    assert tagged("It recalled a nineteen eighty-two strike at the port.") == [
        ("nineteen eighty-two", "DATE", "1982")]
    assert tagged("They counted nineteen forty ballots") == []  # a number, not a year


def test_a_timetable_in_the_present_tense_before_an_attribution():
    text = ("The governor, who hands over to her deputy on Oct. 1, told reporters the "
            "budget was sound.")
    assert tagged(text) == [("Oct. 1", "DATE", "1992-10-01")]
    assert tagged("The governor on Oct. 1 told reporters the budget was sound.") == [
        ("Oct. 1", "DATE", "1991-10-01")]


def test_shortly_after_is_a_signal_outside_the_time():
    assert tagged("The ferry sank shortly after 3 p.m. on Monday.")[0][0] == "3 p.m. on Monday"
    assert tagged("The ferry sank at about 3 p.m.") == [("about 3 p.m.", "TIME",
                                                         "1991-10-24T15:00")]


def test_the_expressions_own_clause_sets_the_tense_first():
    # 24 October 1991 is a Thursday.
    text = ("The mayor, who will hand the keys to her successor on Oct. 1, said the city "
            "had balanced its books.")
    assert tagged(text) == [("Oct. 1", "DATE", "1992-10-01")]
    assert tagged("The mayor, speaking on Monday, said the council expected to approve "
                  "the plan.") == [("Monday", "DATE", "1991-10-21")]
    assert tagged("The mayor told reporters in the town hall on Monday that the plan "
                  "would pass.") == [("Monday", "DATE", "1991-10-21")]


def test_a_four_digit_clock_with_a_zone():
    assert tagged("Sirens sounded at 0300 GMT, the ministry said.") == [
        ("0300 GMT", "TIME", "1991-10-24T03:00")]
    assert tagged("The ferry left at 1430 local time on Monday.") == [
        ("1430 local time on Monday", "TIME", "1991-10-21T14:30")]
    assert tagged("About 1430 people voted.") == []  # no zone: a number


def test_since_a_month_is_behind_us():
    # 24 October 1991: "since December" is December 1990, however near December 1991 is
    assert tagged("Prices have risen since December.") == [("December", "DATE", "1990-12")]
    assert tagged("The road has been shut since Nov. 2.") == [("Nov. 2", "DATE", "1990-11-02")]


def test_a_clock_in_local_time_takes_the_day_after_it():
    assert tagged("The drone fell at 6:40 a.m. local time Monday, police said.") == [
        ("6:40 a.m. local time Monday", "TIME", "1991-10-21T06:40")]


def test_guards_against_the_new_tense_rules():
    # 24 October 1991 is a Thursday.
    assert tagged("He had said the talks will end by Friday.") == [
        ("Friday", "DATE", "1991-10-25")]
    assert tagged("Russia launches a drone attack on Kyiv on Monday.") == [
        ("Monday", "DATE", "1991-10-21")]  # a headline's present is the past
    assert tagged("The Kosovo 1989 campaign was studied.") == [("1989", "DATE", "1989")]
