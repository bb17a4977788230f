package org.lpr.policy.purpose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.lpr.policy.purpose.Screening.Verdict;
import org.lpr.policy.purpose.TermScreen.Category;

/** Real phrasings and common evasions against the maintained term list. */
class TermScreenTest {
    private static final TermScreen SCREEN = TermScreen.standard();

    @ParameterizedTest
    @ValueSource(strings = {
        "check plates at the mosque on friday prayers, everyone who attended",
        "list of vehicles of muslims in the area",
        "m u s l i m families on 5th street",
        "m.u.s.l.i.m families",
        "mus1ims near the masjid",
        "MUSLIMS",
        "muuuuslims",
        "Mυslims",
        "want all cars at the BLM protest downtown",
        "b l m rally attendees",
        "protestors at city hall",
        "illegals working at the meat plant",
        "undocumented workers",
        "track the gay bar regulars",
        "lgbtq center visitors",
        "g4y b4r patrons",
        "pr0testers",
        "black people in the north side",
        "hispanics in the trailer park",
        "trump supporters at the county fairgrounds",
        "democrats parked at the campaign office",
        "people who attend the synagogue",
        "transgender people at the drag show",
        "wheelchair users at the clinic",
        "teenagers hanging out at the skate park",
    })
    void screen_groupTargetingOfProtectedCharacteristics_isRefused(String text) {
        Screening s = SCREEN.screen(text);
        assertThat(s.verdict()).as(text + " -> " + s.matches()).isEqualTo(Verdict.REFUSE);
        assertThat(s.touchesProtectedCharacteristic()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "average speed between camera 3 and camera 7",
        "avg speed for citations",
        "mail citation for toll evasion",
        "issue citations to red light violation plates",
        "my ex girlfriend's new car",
        "my ex-wife's boyfriend",
        "ex-gf car",
        "check my neighbor's car, he parks badly",
        "just curious who this is",
        "skip tracing for a repo company",
        "repossession of a financed truck",
    })
    void screen_prohibitedUses_areRefused(String text) {
        Screening s = SCREEN.screen(text);
        assertThat(s.verdict()).as(text + " -> " + s.matches()).isEqualTo(Verdict.REFUSE);
        assertThat(s.touchesProhibitedUse()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "suspect described as a black male, 20s, armed robbery at the gas station",
        "hispanic male driver fled after the shooting",
        "stolen vehicle seen near the mosque parking lot",
        "vandalism reported during the protest downtown",
        "ICE detainer for the driver",
        "abortion clinic arson suspect",
    })
    void screen_mentionsWithoutGroupTargeting_areHeldForReview(String text) {
        assertThat(SCREEN.screen(text).verdict()).as(text).isEqualTo(Verdict.REVIEW);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "stolen white Honda Civic, taken from the Walmart lot",
        "black F-150 involved in shooting, case 24-001234",
        "burglary suspect vehicle, black pickup with a ladder rack",
        "AMBER alert: abducted child in a silver minivan",
        "SILVER alert: 82-year-old with dementia driving a blue Buick",
        "hit and run on Church Street, gray sedan",
        "commercial burglary at the strip mall",
        "police pursuit, vehicle fled southbound",
        "street race crash on Highway 40",
        "disabled vehicle blocking the ramp",
        "wanted person with a felony warrant for assault",
    })
    void screen_ordinaryLawEnforcementText_isClear(String text) {
        Screening s = SCREEN.screen(text);
        assertThat(s.verdict()).as(text + " -> " + s.matches()).isEqualTo(Verdict.CLEAR);
    }

    @Test
    void screen_wholeWordsOnly_iceDoesNotMatchPolice() {
        assertThat(SCREEN.screen("police service call").matches()).isEmpty();
    }

    @Test
    void screen_immigrationTerms_areCategorizedForSharingRules() {
        assertThat(SCREEN.screen("for a deportation case").categories()).contains(Category.IMMIGRATION_ENFORCEMENT);
        assertThat(SCREEN.screen("visited planned parenthood").categories()).contains(Category.REPRODUCTIVE_CARE);
    }

    @Test
    void of_badLines_reportsEveryProblemTogether() {
        assertThatThrownBy(() -> TermScreen.of(List.of("refuse|race", "block|race|x", "refuse|colour|x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 bad line(s)")
                .hasMessageContaining("line 1")
                .hasMessageContaining("severity 'block'")
                .hasMessageContaining("category 'colour'");
    }

    @Test
    void standard_listIsLoadedAndSizeable() {
        assertThat(SCREEN.size()).isGreaterThan(300);
    }
}
