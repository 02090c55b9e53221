package io.tweetpipe.adapters.twitter.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.domain.tweet.TrackFilter;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

class V2RulesTest {

    private static Seq<String> rules(List<String> keywords, List<String> languages, int maxLength) {
        return V2Rules.of(TrackFilter.of(keywords, languages).get(), maxLength).get();
    }

    @Test
    void givenOneKeywordAndOneLanguage_of_isOneRule() {
        assertEquals(List.of("covid lang:en"), rules(List.of("covid"), List.of("en"), 1024));
    }

    @Test
    void givenSeveralPhrasesAndLanguages_of_ORsPhrasesANDsTheirTermsAndORsTheLanguages() {
        assertEquals(List.of("(covid OR (covid vaccine) OR #flu) (lang:en OR lang:es)"),
                rules(List.of("covid", "covid vaccine", "#flu"), List.of("en", "es"), 1024));
        assertEquals(List.of("(covid OR vaccine)"), rules(List.of("covid", "vaccine"), List.of(), 1024));
    }

    @Test
    void givenTermsThatAreNotPlainWords_of_quotesThemSoNoneIsReadAsAnOperator() {
        assertEquals(List.of("(\"covid-19\" OR \"or\" OR \"lang:fr\" OR \"-vaccine\" OR \"say\\\"hi\\\"\" OR @who)"),
                rules(List.of("covid-19", "or", "lang:fr", "-vaccine", "say\"hi\"", "@who"), List.of(), 1024));
    }

    @Test
    void givenMorePhrasesThanOneRuleHolds_of_packsThemIntoRulesThatFitEachHoldingTheLanguages() {
        List<String> keywords = List.range(0, 40).map(i -> "keyword" + i);

        Seq<String> rules = rules(keywords, List.of("en"), 100);

        assertTrue(rules.size() > 1, rules.toString());
        assertTrue(rules.forAll(rule -> rule.length() <= 100 && rule.endsWith(" lang:en")), rules.toString());
        assertEquals(keywords, rules.flatMap(rule -> List.of(rule.replace(" lang:en", "").replaceAll("[()]", "")
                .split(" OR "))));
    }

    @Test
    void givenAPhraseLongerThanARule_of_saysWhichAndWhy() {
        String reason = V2Rules.of(TrackFilter.of(List.of("a-rather-long-keyword"), List.of()).get(), 10)
                .getLeft().reason();

        assertTrue(reason.contains("a-rather-long-keyword") && reason.contains("10 characters"), reason);
    }

    @Test
    void givenRules_bodies_areWhatTheRulesEndpointTakes() {
        twitter4j.JSONObject add = new twitter4j.JSONObject(V2Rules.addBody(List.of("covid lang:en", "flu"),
                "tweetpipe"));
        assertEquals(2, add.getJSONArray("add").length());
        assertEquals("covid lang:en", add.getJSONArray("add").getJSONObject(0).getString("value"));
        assertEquals("tweetpipe", add.getJSONArray("add").getJSONObject(0).getString("tag"));
        assertEquals("flu", add.getJSONArray("add").getJSONObject(1).getString("value"));
        assertEquals("{\"delete\":{\"ids\":[\"1\",\"2\"]}}", V2Rules.deleteBody(List.of("1", "2")));
    }

    @Test
    void givenAnswers_readers_giveRulesCreatedRefusedAndDeleted() {
        assertEquals(List.of(new V2Rules.Rule("9", "dogs", Option.some("theirs")), new V2Rules.Rule("10", "cats",
                        Option.none())),
                V2Rules.rules("{\"data\":[{\"id\":\"9\",\"value\":\"dogs\",\"tag\":\"theirs\"},"
                        + "{\"id\":\"10\",\"value\":\"cats\"}],\"meta\":{\"result_count\":2}}").get());
        assertEquals(List.empty(), V2Rules.rules("{\"meta\":{\"result_count\":0}}").get());

        V2Rules.Added added = V2Rules.added("{\"data\":[{\"value\":\"covid\",\"tag\":\"tweetpipe\",\"id\":\"11\"}],"
                + "\"errors\":[{\"value\":\"dogs\",\"id\":\"9\",\"title\":\"DuplicateRule\"}]}").get();
        assertEquals(List.of(new V2Rules.Rule("11", "covid", Option.some("tweetpipe"))), added.created());
        assertEquals(List.of(new V2Rules.Problem("dogs", "DuplicateRule", Option.some("9"), "")), added.problems());

        assertEquals(Option.some(2L), V2Rules.deleted("{\"meta\":{\"summary\":{\"deleted\":2,\"not_deleted\":0}}}"));
    }

    @Test
    void givenXsForbiddenBody_problem_saysTitleDetailReasonAndTheAccessNeeded() {
        String body = "{\"client_id\":\"123\",\"detail\":\"When authenticating requests to the Twitter API v2 "
                + "endpoints, you must use keys and tokens from a Twitter developer App that is attached to a "
                + "Project.\",\"registration_url\":\"https://developer.twitter.com/en/docs/projects/overview\","
                + "\"title\":\"Client Forbidden\",\"required_enrollment\":\"Appropriate Level of API Access\","
                + "\"reason\":\"client-not-enrolled\","
                + "\"type\":\"https://api.twitter.com/2/problems/client-forbidden\"}";

        String problem = V2Rules.problem(body).get();

        assertTrue(problem.startsWith("Client Forbidden; When authenticating") && problem.contains(
                "reason: client-not-enrolled; needs: Appropriate Level of API Access"), problem);
        assertEquals(Option.none(), V2Rules.problem("<html>oops</html>"));
        assertEquals(Option.some("Invalid Request; One or more parameters to your request was invalid."),
                V2Rules.problem("{\"errors\":[{\"title\":\"Invalid Request\",\"message\":\"One or more parameters "
                        + "to your request was invalid.\"}]}"));
    }
}
