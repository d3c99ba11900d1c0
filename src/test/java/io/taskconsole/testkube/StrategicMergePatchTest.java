package io.taskconsole.testkube;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class StrategicMergePatchTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ObjectNode json(String text) {
        return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void mergesMapsAndDeletesKeysSetToNull() {
        ObjectNode target = json("{'data':{'a':'1','b':'2'},'metadata':{'name':'x','labels':{'l':'v'}}}");

        JsonNode merged = StrategicMergePatch.apply(target, json("{'data':{'a':'9','b':null,'c':'3'}}"));

        assertThat(merged).isEqualTo(json("{'data':{'a':'9','c':'3'},'metadata':{'name':'x','labels':{'l':'v'}}}"));
        assertThat(target.path("data").path("b").asString()).as("the target is not modified").isEqualTo("2");
    }

    @Test
    void mergesContainersByNameKeepingFieldsThePatchDoesNotMention() {
        ObjectNode target = json("{'spec':{'containers':[{'name':'main','image':'a:1','args':['x']},{'name':'side','image':'s:1'}]}}");

        JsonNode merged = StrategicMergePatch.apply(target, json(
                "{'spec':{'$setElementOrder/containers':[{'name':'main'},{'name':'side'}],'containers':[{'name':'main','image':'a:2'}]}}"));

        assertThat(merged).isEqualTo(json("{'spec':{'containers':[{'name':'main','image':'a:2','args':['x']},{'name':'side','image':'s:1'}]}}"));
    }

    @Test
    void deletesAndAddsListElementsByMergeKey() {
        ObjectNode target = json("{'env':[{'name':'A','value':'1'},{'name':'B','value':'2'}]}");

        JsonNode merged = StrategicMergePatch.apply(target, json("{'env':[{'name':'A','$patch':'delete'},{'name':'C','value':'3'}]}"));

        assertThat(merged).isEqualTo(json("{'env':[{'name':'B','value':'2'},{'name':'C','value':'3'}]}"));
    }

    @Test
    void replacesListsWithoutAMergeKeyAndHonoursReplaceDirectives() {
        ObjectNode target = json("{'command':['sh','-c','old'],'data':{'a':'1','b':'2'}}");

        JsonNode merged = StrategicMergePatch.apply(target, json("{'command':['sh','-c','new'],'data':{'$patch':'replace','z':'26'}}"));

        assertThat(merged).isEqualTo(json("{'command':['sh','-c','new'],'data':{'z':'26'}}"));
    }

    @Test
    void removesValuesFromPrimitiveLists() {
        ObjectNode target = json("{'metadata':{'finalizers':['a','b','c']}}");

        JsonNode merged = StrategicMergePatch.apply(target, json("{'metadata':{'$deleteFromPrimitiveList/finalizers':['b']}}"));

        assertThat(merged).isEqualTo(json("{'metadata':{'finalizers':['a','c']}}"));
    }
}
