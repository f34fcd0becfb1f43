//! The reading position's part in the state file: left out in the body (the form every
//! kanbao reads), named otherwise, and one this build does not know read as the top.

use super::{Part, Position};

#[test]
fn a_place_in_the_body_is_written_as_before_parts_were() {
    let body = Position {
        paragraph: 2,
        offset: 15,
        part: None,
    };
    let json = serde_json::to_string(&body).unwrap();
    assert_eq!(json, r#"{"paragraph":2,"offset":15}"#);
    assert_eq!(serde_json::from_str::<Position>(&json).unwrap(), body);
}

#[test]
fn a_part_is_named_and_one_not_known_is_read() {
    let title = Position {
        paragraph: 0,
        offset: 12,
        part: Some(Part::Title),
    };
    let json = serde_json::to_string(&title).unwrap();
    assert_eq!(json, r#"{"paragraph":0,"offset":12,"part":"title"}"#);
    assert_eq!(serde_json::from_str::<Position>(&json).unwrap(), title);
    let newer = r#"{"paragraph":0,"offset":3,"part":"caption"}"#;
    let read = serde_json::from_str::<Position>(newer).unwrap();
    assert_eq!(read.part, Some(Part::Unknown));
}
